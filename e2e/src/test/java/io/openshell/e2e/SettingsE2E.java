package io.openshell.e2e;

import static io.openshell.e2e.E2eSupport.applyExamples;
import static io.openshell.e2e.E2eSupport.applyOk;
import static io.openshell.e2e.E2eSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v2 toggle and the global policy, driven with the plugin, seen in the ConfigMap. */
class SettingsE2E {
  private static final String NS = "e2e-settings";
  private static E2eCluster cluster;

  @BeforeAll
  static void setUp() {
    cluster = E2eCluster.get();
    E2eSupport.namespace(cluster, NS);
    applyExamples(cluster, NS);
    applyOk(cluster, NS, E2eSupport.sandbox("toggled", "work-github"));
    eventually("the layer is composed").until(() -> policy().contains("_provider_work_github:"));
  }

  @AfterEach
  void restore() {
    cluster.plugin("settings", "global-policy", "delete");
    cluster.plugin("settings", "set", "providers-v2-enabled=true");
    eventually("the layer is back").until(() -> policy().contains("_provider_work_github:"));
  }

  @Test
  void turningProvidersV2OffRemovesTheLayerAndOnRestoresIt() {
    CommandResult off = cluster.plugin("settings", "set", "providers-v2-enabled=false");
    assertThat(off.ok()).as(off.toString()).isTrue();
    eventually("the layer disappears").until(() -> !policy().contains("_provider_"));
    assertThat(policy()).contains("custom_pypi:");

    CommandResult on = cluster.plugin("settings", "set", "providers-v2-enabled=true");
    assertThat(on.ok()).as(on.toString()).isTrue();
    eventually("the layer returns").until(() -> policy().contains("_provider_work_github:"));
  }

  @Test
  void aGlobalPolicyReplacesTheSandboxPolicyAndDeletingItRestoresTheLayers(@TempDir Path dir)
      throws Exception {
    Path global = dir.resolve("global.yaml");
    Files.writeString(
        global,
        """
        version: 1
        network_policies:
          corporate_proxy:
            name: corporate_proxy
            endpoints:
              - host: proxy.corp.example.com
                port: 3128
            binaries:
              - path: /usr/bin/curl
        """);
    CommandResult set = cluster.plugin("settings", "global-policy", "set", "-f", global.toString());
    assertThat(set.ok()).as(set.toString()).isTrue();
    eventually("the global policy is delivered")
        .until(() -> policy().contains("corporate_proxy:") && !policy().contains("custom_pypi"));
    assertThat(policy()).doesNotContain("_provider_");

    CommandResult delete = cluster.plugin("settings", "global-policy", "delete");
    assertThat(delete.ok()).as(delete.toString()).isTrue();
    eventually("the sandbox policy and its layer return")
        .until(
            () -> policy().contains("custom_pypi:") && policy().contains("_provider_work_github:"));
  }

  private static String policy() {
    CommandResult r =
        cluster.kubectl(
            null,
            "get",
            "cm",
            "openshell-policy-toggled",
            "-n",
            NS,
            "-o",
            "jsonpath={.data.policy\\.yaml}");
    return r.ok() ? r.stdout() : "";
  }
}
