package io.openshell.operator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

class SettingsProgressTest {
  private final SettingsProgress progress = new SettingsProgress();
  private final ResourceID a = new ResourceID("a", "demo");
  private final ResourceID b = new ResourceID("b", "demo");

  @Test
  void anExistingSandboxIsPendingUntilComposedAgainstTheGeneration() {
    progress.present(a);
    progress.present(b);
    progress.record(a, 3);

    assertThat(progress.sandboxes()).isEqualTo(2);
    assertThat(progress.pending(3)).isEqualTo(1);
    assertThat(progress.pending(4)).isEqualTo(2);
    assertThat(progress.pending(2)).isEqualTo(1);
  }

  @Test
  void aRecordBeforeTheSandboxIsSeenCountsOnceItIsSeen() {
    progress.record(a, 1);
    assertThat(progress.sandboxes()).isZero();
    assertThat(progress.pending(1)).isZero();

    progress.present(a);
    progress.present(a);

    assertThat(progress.sandboxes()).isEqualTo(1);
    assertThat(progress.pending(1)).isZero();
  }

  @Test
  void aNewerRecordMovesTheSandboxToItsNewGeneration() {
    progress.present(a);
    progress.record(a, 1);
    progress.record(a, 2);

    assertThat(progress.pending(2)).isZero();
    assertThat(progress.pending(3)).isEqualTo(1);
  }

  @Test
  void aDeletedSandboxIsNeitherCountedNorPending() {
    progress.present(a);
    progress.present(b);
    progress.record(a, 1);
    progress.gone(a);
    progress.gone(b);

    assertThat(progress.sandboxes()).isZero();
    assertThat(progress.pending(1)).isZero();

    progress.record(a, 1); // a reconcile that finished after the delete
    assertThat(progress.sandboxes()).isZero();
  }
}
