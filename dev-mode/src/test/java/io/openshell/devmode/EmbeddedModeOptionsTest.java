package io.openshell.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmbeddedModeOptionsTest {
  @Test
  void defaultsAreTheReadmePortsAndKubeconfig() {
    assertThat(EmbeddedMode.Options.parse())
        .isEqualTo(new EmbeddedMode.Options(18080, Path.of(".kube/openshell-dev.yaml"), 18081));
  }

  @Test
  void optionsParseThePortsAndKubeconfig() {
    assertThat(
            EmbeddedMode.Options.parse(
                "--port", "19000", "--http-port", "19001", "--kubeconfig", "k.yaml"))
        .isEqualTo(new EmbeddedMode.Options(19000, Path.of("k.yaml"), 19001));
  }

  @Test
  void theOldEmbeddedFlagIsAccepted() {
    assertThat(EmbeddedMode.Options.parse("--embedded", "--port", "0").port()).isZero();
  }

  @Test
  void theHelpListsEveryOption() {
    String usage = new CommandLine(new EmbeddedMode.Cli()).getUsageMessage();
    assertThat(usage)
        .contains("--port=N")
        .contains("--http-port=N")
        .contains("--kubeconfig=FILE")
        .contains("--help")
        .contains("OPENSHELL_LOG_FORMAT");
  }

  @Test
  void anUnknownOptionIsRejectedWithTheUsage() {
    assertThatThrownBy(() -> EmbeddedMode.Options.parse("--bogus"))
        .hasMessageContaining("Unknown option: '--bogus'")
        .hasMessageContaining("Usage: openshell-dev");
  }

  @Test
  void aPortThatIsNotANumberIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> EmbeddedMode.Options.parse("--http-port", "x"))
        .hasMessageContaining("--http-port");
  }

  @Test
  void aPortOutOfRangeIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> EmbeddedMode.Options.parse("--http-port", "70000"))
        .hasMessageContaining("--http-port must be 0..65535, got 70000");
  }
}
