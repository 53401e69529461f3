package io.openshell.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.sandbox.pod.AgentSidecar;
import io.openshell.operator.sandbox.pod.SandboxPodSpecs;
import io.openshell.policy.logging.LogSettings;
import io.openshell.policy.logging.LogSettings.Format;
import io.openshell.policy.logging.LogSettings.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden file: the pod rendered from a sandbox's template. */
class SandboxPodSpecsTest {
  private static final Path DIR =
      Path.of("src/test/resources/pod/agent-sidecar-added-token-only-for-agent");
  private static final AgentSidecar TEXT_DEBUG =
      new AgentSidecar("example.test/agent:it", new LogSettings(Format.TEXT, Level.DEBUG));

  @Test
  void agentSidecarIsAddedAndOnlyItGetsAToken() throws IOException {
    Sandbox sandbox =
        Serialization.unmarshal(Files.readString(DIR.resolve("in-sandbox.yaml")), Sandbox.class);

    String actual = Serialization.asYaml(SandboxPodSpecs.render(sandbox, TEXT_DEBUG));

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

    AgentSidecar agent = new AgentSidecar("img", LogSettings.DEFAULT);
    String first = Serialization.asYaml(SandboxPodSpecs.render(sandbox, agent));
    String second = Serialization.asYaml(SandboxPodSpecs.render(sandbox, agent));

    assertThat(Serialization.asYaml(sandbox)).isEqualTo(before);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSidecarLogsInTheConfiguredFormatAndLevel() throws IOException {
    Sandbox sandbox =
        Serialization.unmarshal(Files.readString(DIR.resolve("in-sandbox.yaml")), Sandbox.class);

    Pod pod = SandboxPodSpecs.render(sandbox, TEXT_DEBUG);

    assertThat(agentEnv(pod))
        .containsEntry("OPENSHELL_LOG_FORMAT", "text")
        .containsEntry("OPENSHELL_LOG_LEVEL", "DEBUG");
    assertThat(pod.getSpec().getContainers().get(0).getEnv()).isNullOrEmpty();
  }

  @Test
  void changedSidecarLogSettingsKeepThePodSpecHashSoRunningPodsAreNotReplaced() throws IOException {
    Sandbox sandbox =
        Serialization.unmarshal(Files.readString(DIR.resolve("in-sandbox.yaml")), Sandbox.class);

    Pod json = SandboxPodSpecs.render(sandbox, new AgentSidecar("img", LogSettings.DEFAULT));
    Pod text =
        SandboxPodSpecs.render(
            sandbox, new AgentSidecar("img", new LogSettings(Format.TEXT, Level.WARN)));
    Pod otherImage =
        SandboxPodSpecs.render(sandbox, new AgentSidecar("img:2", LogSettings.DEFAULT));

    assertThat(agentEnv(json)).containsEntry("OPENSHELL_LOG_FORMAT", "json");
    assertThat(agentEnv(text)).containsEntry("OPENSHELL_LOG_FORMAT", "text");
    assertThat(specHash(text)).isEqualTo(specHash(json));
    // the hash still covers the rest of the sidecar
    assertThat(specHash(otherImage)).isNotEqualTo(specHash(json));
  }

  private static Map<String, String> agentEnv(Pod pod) {
    var containers = pod.getSpec().getContainers();
    var agent = containers.get(containers.size() - 1);
    assertThat(agent.getName()).isEqualTo(SandboxPodSpecs.AGENT_CONTAINER);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : agent.getEnv()) {
      env.put(e.getName(), e.getValue());
    }
    return env;
  }

  private static String specHash(Pod pod) {
    return pod.getMetadata().getAnnotations().get(Labels.POD_SPEC_HASH);
  }
}
