package io.openshell.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.devapi.RequestKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestsTest {
  private static final RequestKind UPDATE_CM = new RequestKind("update", "configmaps");
  private static final RequestKind STATUS = new RequestKind("update", "sandboxes/status");
  private static final RequestKind PATCH = new RequestKind("patch", "sandboxes");
  private static final RequestKind GET = new RequestKind("get", "sandboxes");
  private static final RequestKind WATCH = new RequestKind("watch", "sandboxes");

  @Test
  void aPhaseIsTheDifferenceOfTwoSnapshots() {
    ApiRequests phase =
        ApiRequests.between(
            Map.of(UPDATE_CM, 5L, WATCH, 2L),
            Map.of(UPDATE_CM, 7L, STATUS, 2L, WATCH, 2L, GET, 1L));

    assertThat(phase.counts())
        .containsOnly(Map.entry(UPDATE_CM, 2L), Map.entry(STATUS, 2L), Map.entry(GET, 1L));
    assertThat(phase.writes()).isEqualTo(4);
    assertThat(phase.reads()).isEqualTo(1);
  }

  @Test
  void theHarnessesOwnPatchesAndTheirGetsAreLeftOut() {
    ApiRequests phase =
        new ApiRequests(Map.of(PATCH, 3L, GET, 3L, UPDATE_CM, 3L)).withoutHarnessPatches(3);

    assertThat(phase.counts()).containsOnly(Map.entry(UPDATE_CM, 3L));
    assertThat(phase.describe()).isEqualTo("3 writes (update configmaps 3); 0 reads");
  }
}
