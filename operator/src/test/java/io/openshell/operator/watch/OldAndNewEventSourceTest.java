package io.openshell.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.TestObjects;
import io.openshell.operator.provider.SandboxToProviderMapper;
import org.junit.jupiter.api.Test;

class OldAndNewEventSourceTest {
  private final SandboxToProviderMapper mapper = new SandboxToProviderMapper();

  @Test
  void aDetachNotifiesTheDetachedProvider() {
    Sandbox before = TestObjects.sandbox("ns", "box", "p1", "p2");
    Sandbox after = TestObjects.sandbox("ns", "box", "p2");

    assertThat(OldAndNewEventSource.released(mapper, before, after))
        .containsExactly(new ResourceID("p1", "ns"));
  }

  @Test
  void theReleaseDoesNotDependOnHowOftenTheMapperWasCalledBefore() {
    Sandbox before = TestObjects.sandbox("ns", "box", "p1");
    Sandbox after = TestObjects.sandbox("ns", "box");
    // JOSDK maps the new version for its index and again for the event; neither may consume it.
    mapper.toPrimaryResourceIDs(after);
    mapper.toPrimaryResourceIDs(after);

    assertThat(OldAndNewEventSource.released(mapper, before, after))
        .containsExactly(new ResourceID("p1", "ns"));
    assertThat(OldAndNewEventSource.released(mapper, before, after))
        .containsExactly(new ResourceID("p1", "ns"));
  }

  @Test
  void anAddOrAnUnchangedListReleasesNothing() {
    Sandbox s = TestObjects.sandbox("ns", "box", "p1");
    assertThat(OldAndNewEventSource.released(mapper, null, s)).isEmpty();
    assertThat(OldAndNewEventSource.released(mapper, s, s)).isEmpty();
  }
}
