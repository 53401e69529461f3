package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openshell.plugin.sandbox.StatusCommand;
import io.openshell.plugin.sandbox.WaitOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationAndStateTest {

  @Test
  void waitDurationsAreReadAsKubectlWritesThem() {
    assertThat(WaitOption.DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(WaitOption.DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(WaitOption.DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(WaitOption.DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aDurationWithoutAUnitIsRejected() {
    assertThatThrownBy(() -> WaitOption.DurationConverter.parse("30"))
        .isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> WaitOption.DurationConverter.parse("5m later"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void aPodEnforcingTheEffectiveHashIsSynced() {
    assertThat(StatusCommand.state("sha256:a", "sha256:a")).isEqualTo("SYNCED");
  }

  @Test
  void aPodEnforcingAnotherHashIsStale() {
    assertThat(StatusCommand.state("sha256:b", "sha256:a")).isEqualTo("STALE");
  }

  @Test
  void aSandboxWithoutAnAppliedHashIsNotSent() {
    assertThat(StatusCommand.state("sha256:a", "")).isEqualTo("NOT-SENT");
  }
}
