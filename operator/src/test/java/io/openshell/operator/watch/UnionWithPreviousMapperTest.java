package io.openshell.operator.watch;

import static io.openshell.operator.TestObjects.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.provider.SandboxToProviderMapper;
import org.junit.jupiter.api.Test;

class UnionWithPreviousMapperTest {
  private final UnionWithPreviousMapper<Sandbox> mapper =
      new UnionWithPreviousMapper<>(new SandboxToProviderMapper());

  @Test
  void detachedProviderIsStillNotifiedOnce() {
    mapper.toPrimaryResourceIDs(sandbox("a", "demo", "gh", "api"));

    var ids = mapper.toPrimaryResourceIDs(sandbox("a", "demo", "gh"));

    assertThat(ids)
        .containsExactlyInAnyOrder(new ResourceID("gh", "a"), new ResourceID("api", "a"));
    assertThat(mapper.toPrimaryResourceIDs(sandbox("a", "demo", "gh")))
        .containsExactly(new ResourceID("gh", "a"));
  }

  @Test
  void firstSightingMapsToTheCurrentProvidersOnly() {
    assertThat(mapper.toPrimaryResourceIDs(sandbox("a", "demo", "gh")))
        .containsExactly(new ResourceID("gh", "a"));
  }
}
