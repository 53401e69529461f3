package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.operator.OpenShellOperator;
import io.openshell.operator.OperatorConfig;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin with the real operator running: what {@code --wait} waits for actually happens. */
class OperatorRoundTripIT extends ClusterIT {
  OpenShellOperator operator;

  @BeforeEach
  void startOperator() {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    operator =
        OpenShellOperator.start(
            client,
            OperatorConfig.fromEnvironment(
                Map.of(
                    "OPENSHELL_OPERATOR_NAMESPACE", "default",
                    "OPENSHELL_HTTP_PORT", "0",
                    "OPENSHELL_IN_USE_RECHECK_SECONDS", "1")),
            Clock.systemUTC());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void attachWithWaitReturnsOnceTheOperatorComposedTheProviderLayer() {
    assertThat(cli.run("settings", "set", "providers-v2-enabled=true").exitCode()).isZero();
    fx.sandbox("box");
    fx.provider("pypi-mirror", "pypi");

    Cli.Run attach = cli.run("attach", "box", "pypi-mirror", "--wait=60s");
    assertThat(attach.exitCode()).as(attach.err()).isZero();
    assertThat(attach.err()).contains("✓ Sandbox box PolicyComposed at generation 2");

    Cli.Run full = cli.run("policy", "get", "box", "--full");
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(full.out()).contains("_provider_pypi_mirror:");
    assertThat(cli.run("policy", "get", "box", "--base").out()).doesNotContain("_provider_");
  }

  @Test
  void detachWithWaitRemovesTheLayerFromTheDeliveredPolicy() {
    assertThat(cli.run("settings", "set", "providers-v2-enabled=true").exitCode()).isZero();
    fx.provider("pypi-mirror", "pypi");
    fx.sandbox("box", "pypi-mirror");

    Cli.Run detach = cli.run("detach", "box", "pypi-mirror", "--wait=60s");
    assertThat(detach.exitCode()).as(detach.err()).isZero();
    assertThat(cli.run("policy", "get", "box", "--full").out()).doesNotContain("_provider_");
  }

  @Test
  void builtinProfilesInstalledByTheOperatorStayReadOnlyThroughThePlugin() throws Exception {
    // the operator creates the 13 built-ins as ProviderProfile objects at start-up
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                client
                        .genericKubernetesResources(GenericKinds.PROVIDER_PROFILE)
                        .withName("github")
                        .get()
                    != null);
    assertThat(cli.run("profile", "delete", "github").exitCode()).isEqualTo(1);
    Cli.Run list = cli.run("profile", "list");
    assertThat(list.out()).containsPattern("github +- +builtin +GitHub +3\n");
  }
}
