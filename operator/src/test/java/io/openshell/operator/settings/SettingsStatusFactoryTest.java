package io.openshell.operator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.OpenShellSettingsStatus;
import io.openshell.operator.TestObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettingsStatusFactoryTest {
  private final SettingsStatusFactory factory =
      new SettingsStatusFactory(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private static String reason(OpenShellSettingsStatus s) {
    return s.getConditions().get(0).getReason();
  }

  @Test
  void pendingSandboxesKeepTheSettingsRecomposing() {
    OpenShellSettingsStatus s = factory.build(TestObjects.settings(true, 2), 3, 1);

    assertThat(reason(s)).isEqualTo("Recomposing");
    assertThat(s.getPendingSandboxes()).isEqualTo(1);
  }

  @Test
  void noPendingSandboxMeansApplied() {
    OpenShellSettingsStatus s = factory.build(TestObjects.settings(true, 2), 3, 0);

    assertThat(s.getConditions().get(0).getStatus()).isEqualTo("True");
    assertThat(s.getSandboxes()).isEqualTo(3);
  }

  @Test
  void objectNotNamedClusterIsIgnored() {
    var other = TestObjects.settings(true, 1);
    other.getMetadata().setName("staging");

    assertThat(reason(factory.build(other, 0, 0))).isEqualTo("Ignored");
  }

  @Test
  void progressCountsASandboxCaughtUpOnlyFromTheRecordedGeneration() {
    SettingsProgress progress = new SettingsProgress();
    ResourceID id = new ResourceID("demo", "a");
    progress.record(id, 2);

    assertThat(progress.caughtUp(id, 2)).isTrue();
    assertThat(progress.caughtUp(id, 3)).isFalse();
    assertThat(progress.caughtUp(new ResourceID("other", "a"), 1)).isFalse();
  }
}
