package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.openshell.plugin.kube.Fields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class AttachDetachIT {
  KubernetesClient client;
  Cli cli;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    cli = new Cli(client);
    fx = new Fixtures(client);
    fx.sandbox("box");
    fx.provider("work-github", "github", "GITHUB_TOKEN");
  }

  @Test
  void attachAppendsTheProviderAndSaysSo() {
    Cli.Run r = cli.run("attach", "box", "work-github", "-n", "test");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Attached provider work-github to sandbox box\n");
    assertThat(Fields.strings(fx.getSandbox("box"), "spec", "providers"))
        .containsExactly("work-github");
  }

  @Test
  void attachingTwiceSaysItIsAlreadyAttachedAndKeepsOneEntry() {
    cli.run("attach", "box", "work-github", "-n", "test");
    Cli.Run r = cli.run("attach", "box", "work-github", "-n", "test");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Provider work-github is already attached to sandbox box.\n");
    assertThat(Fields.strings(fx.getSandbox("box"), "spec", "providers"))
        .containsExactly("work-github");
  }

  @Test
  void detachRemovesTheProviderAndSaysSo() {
    cli.run("attach", "box", "work-github", "-n", "test");
    Cli.Run r = cli.run("detach", "box", "work-github", "-n", "test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Detached provider work-github from sandbox box\n");
    assertThat(Fields.strings(fx.getSandbox("box"), "spec", "providers")).isEmpty();
  }

  @Test
  void detachingAProviderThatIsNotAttachedSaysSo() {
    Cli.Run r = cli.run("detach", "box", "work-github", "-n", "test");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Provider work-github was not attached to sandbox box.\n");
  }

  @Test
  void attachToAMissingSandboxIsRefusedWithSandboxNotFound() {
    Cli.Run r = cli.run("attach", "nope", "work-github", "-n", "test");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("Failed to attach provider work-github to sandbox nope.\nsandbox not found\n");
  }

  @Test
  void attachOfAMissingProviderIsRefusedWithOpenShellsMessage() {
    Cli.Run r = cli.run("attach", "box", "ghost", "-n", "test");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("\nprovider 'ghost' not found\n");
    assertThat(Fields.strings(fx.getSandbox("box"), "spec", "providers")).isEmpty();
  }

  @Test
  void theNamespaceFlagIsAcceptedBeforeTheSubcommand() {
    Cli.Run r = cli.run("-n", "test", "attach", "box", "work-github");
    assertThat(r.exitCode()).isZero();
  }
}
