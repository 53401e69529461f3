package io.openshell.e2e;

import static io.openshell.e2e.E2eSupport.applyExamples;
import static io.openshell.e2e.E2eSupport.applyOk;
import static io.openshell.e2e.E2eSupport.eventually;
import static io.openshell.e2e.E2eSupport.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' lifecycle with every part a separate process: kubectl applies the examples, the plugin
 * attaches and detaches, the operator composes, and the policy agent's file on disk follows without
 * a restart.
 */
class SeedLifecycleE2E {
  private static final String NS = "e2e-lifecycle";
  private static E2eCluster cluster;

  @BeforeAll
  static void setUp() {
    cluster = E2eCluster.get();
    E2eSupport.namespace(cluster, NS);
    applyExamples(cluster, NS);
  }

  @Test
  void attachAddsTheBuiltinGithubLayerToTheAgentsFileAndDetachRestoresItByteForByte(
      @TempDir Path dir) {
    applyOk(cluster, NS, E2eSupport.sandbox("seed-builtin"));
    cluster.startAgent(NS, "seed-builtin", dir, E2eCluster.freePort());
    Path policy = dir.resolve("policy.yaml");
    String baseline = E2eSupport.awaitFile(policy, "the agent writes the base policy", () -> true);
    assertThat(baseline).contains("custom_pypi:").doesNotContain("_provider_");

    CommandResult attach =
        cluster.plugin("attach", "seed-builtin", "work-github", "-n", NS, "--wait=60s");
    assertThat(attach.ok()).as(attach + cluster.logs()).isTrue();
    assertThat(attach.stdout()).contains("✓ Attached provider work-github to sandbox seed-builtin");
    eventually("the agent's file gains the github layer")
        .until(() -> read(policy).contains("_provider_work_github:"));
    assertThat(read(policy)).contains("api.github.com").contains("custom_pypi:");

    CommandResult detach =
        cluster.plugin("detach", "seed-builtin", "work-github", "-n", NS, "--wait=60s");
    assertThat(detach.ok()).as(detach.toString()).isTrue();
    assertThat(detach.stdout())
        .contains("✓ Detached provider work-github from sandbox seed-builtin");
    eventually("the agent's file returns to the baseline")
        .until(() -> read(policy).equals(baseline));
  }

  @Test
  void customProfileLayerFollowsAttachAndALiveProfileUpdate(@TempDir Path dir) throws Exception {
    applyOk(cluster, NS, E2eSupport.sandbox("seed-custom"));
    cluster.startAgent(NS, "seed-custom", dir, E2eCluster.freePort());
    Path policy = dir.resolve("policy.yaml");
    E2eSupport.awaitFile(policy, "the agent writes the base policy", () -> true);

    CommandResult attach =
        cluster.plugin("attach", "seed-custom", "internal-api", "-n", NS, "--wait=60s");
    assertThat(attach.ok()).as(attach + cluster.logs()).isTrue();
    eventually("the agent's file gains the custom layer")
        .until(() -> read(policy).contains("_provider_internal_api:"));
    assertThat(read(policy)).contains("api.internal.example.com");

    CommandResult export = cluster.plugin("profile", "export", "internal-api");
    assertThat(export.ok()).as(export.toString()).isTrue();
    assertThat(export.stdout()).contains("resource_version:");
    Path edited = dir.resolve("internal-api.yaml");
    Files.writeString(
        edited, export.stdout().replace("api.internal.example.com", "api2.internal.example.com"));
    CommandResult update =
        cluster.plugin("profile", "update", "internal-api", "-f", edited.toString());
    assertThat(update.ok()).as(update.toString()).isTrue();

    eventually("the running agent sees the profile update")
        .until(() -> read(policy).contains("api2.internal.example.com"));
    assertThat(read(policy)).doesNotContain("host: api.internal.example.com");
  }
}
