package io.openshell.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.sandbox.pod.SandboxPodSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Golden file: the pod rendered from a sandbox's template. */
class SandboxPodSpecsTest {
  private static final Path DIR =
      Path.of("src/test/resources/pod/agent-sidecar-added-token-only-for-agent");

  @Test
  void agentSidecarIsAddedAndOnlyItGetsAToken() throws IOException {
    Sandbox sandbox =
        Serialization.unmarshal(Files.readString(DIR.resolve("in-sandbox.yaml")), Sandbox.class);

    String actual = Serialization.asYaml(SandboxPodSpecs.render(sandbox, "example.test/agent:it"));

    Path golden = DIR.resolve("out-pod.yaml");
    if (!Files.exists(golden)) {
      Files.writeString(Path.of("target", "out-pod.yaml"), actual);
    }
    assertThat(actual).isEqualTo(Files.readString(golden));
  }

  @Test
  void renderingLeavesTheSandboxUntouchedSoRenderingAgainGivesTheSamePod() throws IOException {
    // The golden input has containers, volumes and labels: a render that added the sidecar or the
    // token volume to the sandbox's own template would show here as a changed sandbox and a second
    // pod with two sidecars.
    Sandbox sandbox =
        Serialization.unmarshal(Files.readString(DIR.resolve("in-sandbox.yaml")), Sandbox.class);
    String before = Serialization.asYaml(sandbox);

    String first = Serialization.asYaml(SandboxPodSpecs.render(sandbox, "img"));
    String second = Serialization.asYaml(SandboxPodSpecs.render(sandbox, "img"));

    assertThat(Serialization.asYaml(sandbox)).isEqualTo(before);
    assertThat(second).isEqualTo(first);
  }
}
