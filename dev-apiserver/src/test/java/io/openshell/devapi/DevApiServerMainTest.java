package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevApiServerMainTest {

  @Test
  void defaultsArePort18080AndTheProjectKubeconfig() {
    assertThat(DevApiServerMain.Options.parse())
        .isEqualTo(
            new DevApiServerMain.Options(18080, Path.of(".kube/openshell-dev.yaml"), List.of()));
  }

  @Test
  void optionsAreParsed() {
    assertThat(
            DevApiServerMain.Options.parse(
                "--port", "0", "--kubeconfig", "/tmp/k.yaml", "--crds", "a", "--crds", "b"))
        .isEqualTo(
            new DevApiServerMain.Options(
                0, Path.of("/tmp/k.yaml"), List.of(Path.of("a"), Path.of("b"))));
  }

  @Test
  void anUnknownOptionIsRejectedWithTheUsage() {
    assertThatThrownBy(() -> DevApiServerMain.Options.parse("--bogus", "1"))
        .hasMessageContaining("Unknown options: '--bogus'")
        .hasMessageContaining("Usage: dev-apiserver");
  }

  @Test
  void theUsageListsEveryOption() {
    assertThatThrownBy(() -> DevApiServerMain.Options.parse("--help"))
        .hasMessageContaining("--port")
        .hasMessageContaining("--kubeconfig")
        .hasMessageContaining("--crds");
  }

  @Test
  void aMissingValueIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> DevApiServerMain.Options.parse("--kubeconfig"))
        .hasMessageContaining("'--kubeconfig'");
  }

  @Test
  void aPortOutOfRangeIsRejected() {
    assertThatThrownBy(() -> DevApiServerMain.Options.parse("--port", "70000"))
        .hasMessageContaining("--port must be 0..65535");
  }
}
