package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.crds.v1alpha1.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and namespaces are checked before any API path is built (bad-input M3, L6): a usage error
 * (exit 2) naming the argument and the rule, and nothing written.
 */
class InputSafetyIT extends ClusterIT {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sb1/status",
        "../providers/p-x",
        "../../../api/v1/namespaces",
        "sb1; touch x",
        "$(id)",
        "`id`",
        "sb1\nx",
        "Sb1",
        "",
        "sändbox"
      })
  void anInvalidSandboxNameIsAUsageErrorAndNothingIsWritten(String name) {
    fx.provider("p-x", "github", "GITHUB_TOKEN");
    fx.sandbox("sb1");
    Cli.Run r = cli.run("attach", name, "p-x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("SANDBOX")
        .contains("invalid sandbox name")
        .contains("must be a DNS-1123 label");
    assertThat(
            client
                .resources(Sandbox.class)
                .inNamespace("default")
                .withName("sb1")
                .get()
                .getSpec()
                .getProviders())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$(id)", "p/x", "../secrets", "P"})
  void anInvalidProviderNameIsAUsageError(String name) {
    Cli.Run r = cli.run("detach", "sb1", name);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("PROVIDER").contains("must be a DNS-1123 subdomain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../default", "a/b", "Default", "x.y"})
  void anInvalidNamespaceIsAUsageError(String ns) {
    fx.provider("good-api", "github", "GITHUB_TOKEN");
    fx.sandbox("sb1", "good-api");
    Cli.Run r = cli.run("-n", ns, "providers", "sb1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("--namespace")
        .contains("invalid namespace")
        .contains("DNS-1123 label");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anInvalidProfileIdIsAUsageErrorWithOpenShellsRule() {
    Cli.Run r = cli.run("profile", "delete", "../x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("invalid provider profile id '../x'")
        .contains("lowercase kebab-case");
  }

  @Test
  void aControlCharacterInANameIsPrintedEscaped() {
    Cli.Run r = cli.run("status", "a\u001b[31mb");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("a\\u001b[31mb").doesNotContain("\u001b");
  }
}
