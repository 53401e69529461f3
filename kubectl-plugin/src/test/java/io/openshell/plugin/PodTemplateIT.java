package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.KubeJson;
import io.openshell.plugin.kube.PluginSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin reads a sandbox's pod template only as "there is one" ({@link PluginSerialization});
 * its writes leave a stored template exactly as it was.
 */
class PodTemplateIT extends ClusterIT {
  static final Map<String, Object> POD_TEMPLATE =
      Map.of(
          "metadata",
          Map.of("labels", Map.of("app", "agent")),
          "spec",
          Map.of(
              "containers",
              List.of(
                  Map.of(
                      "name",
                      "agent",
                      "image",
                      "registry.example/agent:1",
                      "env",
                      List.of(Map.of("name", "MODE", "value", "strict"))))));

  @BeforeEach
  void podSandbox() {
    fx.provider("pypi-mirror", "pypi");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("policy", Map.of("version", 1));
    spec.put("providers", List.of());
    spec.put("podTemplate", POD_TEMPLATE);
    fx.create(
        GenericKinds.SANDBOX,
        Fixtures.NS,
        Fixtures.resource("Sandbox", "podbox", Fixtures.NS, spec));
  }

  @Test
  void aStoredPodTemplateIsReadAsAPresenceMarker() {
    Cluster cluster = new Cluster(Session.newClient(client.getConfiguration(), httpFactory()));
    Sandbox sb = cluster.sandbox(Fixtures.NS, "podbox").orElseThrow();
    assertThat(PluginSerialization.isPresenceMarker(sb.getSpec().getPodTemplate())).isTrue();
  }

  @Test
  void aSandboxWithoutAPodTemplateReadsAsNone() {
    fx.sandbox("plain");
    Cluster cluster = new Cluster(Session.newClient(client.getConfiguration(), httpFactory()));
    assertThat(cluster.sandbox(Fixtures.NS, "plain").orElseThrow().getSpec().getPodTemplate())
        .isNull();
  }

  @Test
  void attachAndDetachLeaveTheStoredPodTemplateUntouched() {
    assertThat(cli.run("attach", "podbox", "pypi-mirror").exitCode()).isZero();
    GenericKubernetesResource attached = fx.getSandbox("podbox");
    assertThat(podTemplateOf(attached)).isEqualTo(POD_TEMPLATE);
    assertThat(providersOf(attached)).containsExactly("pypi-mirror");

    assertThat(cli.run("detach", "podbox", "pypi-mirror").exitCode()).isZero();
    GenericKubernetesResource detached = fx.getSandbox("podbox");
    assertThat(podTemplateOf(detached)).isEqualTo(POD_TEMPLATE);
    assertThat(providersOf(detached)).isEmpty();
  }

  @Test
  void policySetLeavesTheStoredPodTemplateUntouched() throws Exception {
    Path file = Files.createTempFile("policy", ".yaml");
    Files.writeString(file, "version: 1\n");
    try {
      Cli.Run r = cli.run("policy", "set", "podbox", "-f", file.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
    } finally {
      Files.delete(file);
    }
    assertThat(podTemplateOf(fx.getSandbox("podbox"))).isEqualTo(POD_TEMPLATE);
  }

  @Test
  void theMarkerSurvivesACloneAndIsEqualOnBothSidesOfAnEdit() {
    Cluster cluster = new Cluster(Session.newClient(client.getConfiguration(), httpFactory()));
    Sandbox stored = cluster.sandbox(Fixtures.NS, "podbox").orElseThrow();
    Sandbox copy = KubeJson.MAPPING.clone(stored);
    assertThat(PluginSerialization.isPresenceMarker(copy.getSpec().getPodTemplate())).isTrue();
    assertThat(copy.getSpec().getPodTemplate()).isEqualTo(stored.getSpec().getPodTemplate());
  }

  private static ClosingJdkHttpClientFactory httpFactory() {
    return new ClosingJdkHttpClientFactory();
  }

  private static Object podTemplateOf(GenericKubernetesResource sb) {
    return ((Map<?, ?>) sb.getAdditionalProperties().get("spec")).get("podTemplate");
  }

  private static List<String> providersOf(GenericKubernetesResource sb) {
    Object p = ((Map<?, ?>) sb.getAdditionalProperties().get("spec")).get("providers");
    return p == null ? List.of() : ((List<?>) p).stream().map(String::valueOf).toList();
  }
}
