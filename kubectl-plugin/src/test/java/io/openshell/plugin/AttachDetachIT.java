package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttachDetachIT extends ClusterIT {

  @BeforeEach
  void sandboxAndProvider() {
    fx.sandbox("box");
    fx.provider("work-github", "github", "GITHUB_TOKEN");
  }

  private List<String> attached() {
    return Fields.strings(fx.getSandbox("box"), "spec", "providers");
  }

  @Test
  void attachAppendsTheProviderAndSaysSo() {
    Cli.Run r = cli.run("attach", "box", "work-github");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Attached provider work-github to sandbox box\n");
    assertThat(attached()).containsExactly("work-github");
  }

  @Test
  void attachingTwiceSaysItIsAlreadyAttachedAndKeepsOneEntry() {
    cli.run("attach", "box", "work-github");
    Cli.Run r = cli.run("attach", "box", "work-github");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Provider work-github is already attached to sandbox box.\n");
    assertThat(attached()).containsExactly("work-github");
  }

  @Test
  void attachAppendsAfterTheProvidersAlreadyAttached() {
    fx.provider("pypi-mirror", "pypi");
    cli.run("attach", "box", "pypi-mirror");
    cli.run("attach", "box", "work-github");
    assertThat(attached()).containsExactly("pypi-mirror", "work-github");
  }

  @Test
  void detachRemovesTheProviderAndSaysSo() {
    cli.run("attach", "box", "work-github");
    Cli.Run r = cli.run("detach", "box", "work-github");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Detached provider work-github from sandbox box\n");
    assertThat(attached()).isEmpty();
  }

  @Test
  void detachingAProviderThatIsNotAttachedSaysSo() {
    Cli.Run r = cli.run("detach", "box", "work-github");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Provider work-github was not attached to sandbox box.\n");
  }

  @Test
  void attachToAMissingSandboxIsRefusedWithSandboxNotFound() {
    Cli.Run r = cli.run("attach", "nope", "work-github");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("Failed to attach provider work-github to sandbox nope.\nsandbox not found\n");
  }

  @Test
  void attachOfAMissingProviderIsRefusedWithOpenShellsMessage() {
    Cli.Run r = cli.run("attach", "box", "ghost");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("Failed to attach provider ghost to sandbox box.\nprovider 'ghost' not found\n");
    assertThat(attached()).isEmpty();
  }

  @Test
  void attachBeyondThirtyTwoProvidersIsRefused() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      fx.provider("p" + i, "generic");
      names.add("p" + i);
    }
    fx.sandbox("full", names.toArray(String[]::new));
    Cli.Run r = cli.run("attach", "full", "work-github");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("\nproviders list exceeds maximum (32)\n");
  }

  @Test
  void attachIsRefusedWhenTwoProvidersWouldOfferTheSameCredentialEnvKey() {
    fx.provider("other-github", "github", "GITHUB_TOKEN");
    cli.run("attach", "box", "work-github");
    Cli.Run r = cli.run("attach", "box", "other-github");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "credential env key 'GITHUB_TOKEN' is provided by both provider 'work-github' and"
                + " provider 'other-github'; use provider-specific env names");
    assertThat(attached()).containsExactly("work-github");
  }

  @Test
  void twentyConcurrentAttachesOfDifferentProvidersAllLand() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fx.provider("c" + i, "generic");
      names.add("c" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Cli.Run>> runs = new ArrayList<>();
      for (String n : names) {
        runs.add(pool.submit(() -> new Cli(server.newClient()).run("attach", "box", n)));
      }
      for (Future<Cli.Run> f : runs) {
        assertThat(f.get().exitCode()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(attached()).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void detachIsRefusedWhileTheSandboxPolicyBindsCredentialsToTheProvider() {
    fx.provider("gcp", "google-cloud");
    java.util.Map<String, Object> endpoint =
        java.util.Map.of(
            "host", "storage.googleapis.com",
            "port", 443,
            "protocol", "rest",
            "access", "full",
            "credentialBinding", java.util.Map.of("provider", "gcp"));
    fx.sandboxWithPolicy(
        "bound",
        java.util.Map.of(
            "version",
            1,
            "networkPolicies",
            java.util.Map.of(
                "storage",
                java.util.Map.of(
                    "endpoints",
                    List.of(endpoint),
                    "binaries",
                    List.of(java.util.Map.of("path", "/usr/bin/curl"))))),
        "gcp");
    Cli.Run r = cli.run("detach", "bound", "gcp");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("Failed to detach provider gcp from sandbox bound.\n")
        .contains(
            "credential_binding references provider 'gcp', but that provider is not attached to"
                + " the sandbox");
    assertThat(Fields.strings(fx.getSandbox("bound"), "spec", "providers")).containsExactly("gcp");
  }

  @Test
  void theNamespaceFlagIsAcceptedBeforeAndAfterTheSubcommand() {
    fx.provider("pypi-mirror", "pypi");
    assertThat(cli.run("-n", "default", "attach", "box", "work-github").exitCode()).isZero();
    assertThat(cli.run("attach", "box", "pypi-mirror", "--namespace", "default").exitCode())
        .isZero();
  }

  @Test
  void aSandboxInAnotherNamespaceIsNotFound() {
    Cli.Run r = cli.run("attach", "box", "work-github", "-n", "elsewhere");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("\nsandbox not found\n");
  }
}
