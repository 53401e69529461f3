package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.openshell.policy.compose.ProviderRuleNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandsIT extends ClusterIT {
  @TempDir Path tmp;

  static final String USER_POLICY =
      String.join(
          "\n",
          "version: 1",
          "network_policies:",
          "  web:",
          "    name: web",
          "    endpoints:",
          "      - host: example.com",
          "        port: 443",
          "    binaries:",
          "      - path: /usr/bin/curl",
          "");

  static final String EFFECTIVE_POLICY =
      String.join(
          "\n",
          "version: 1",
          "network_policies:",
          "  _provider_pypi_mirror:",
          "    name: _provider_pypi_mirror",
          "    endpoints:",
          "      - host: pypi.org",
          "        port: 443",
          "    binaries:",
          "      - path: /usr/bin/pip",
          "  web:",
          "    name: web",
          "    endpoints:",
          "      - host: example.com",
          "        port: 443",
          "    binaries:",
          "      - path: /usr/bin/curl",
          "");

  private Path file(String content) throws IOException {
    return Files.writeString(tmp.resolve("policy.yaml"), content);
  }

  /** What the operator delivers for a sandbox. */
  private void deliveredPolicy(String sandbox, String policyYaml) {
    client
        .configMaps()
        .inNamespace(Fixtures.NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("openshell-policy-" + sandbox)
                .endMetadata()
                .withData(
                    Map.of(
                        "policy.yaml",
                        policyYaml,
                        "metadata.json",
                        "{\"policyHash\":\"sha256:abc\",\"policySource\":\"Sandbox\","
                            + "\"providersV2Enabled\":true}"))
                .build())
        .create();
  }

  @Test
  void policySetReplacesTheBasePolicyFromAnOpenShellFile() throws IOException {
    fx.sandbox("box");
    Cli.Run r = cli.run("policy", "set", "box", "-f", file(USER_POLICY).toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("✓ Policy of sandbox box updated");
    assertThat(Fields.str(fx.getSandbox("box"), "spec", "policy", "networkPolicies", "web", "name"))
        .isEqualTo("web");
  }

  @Test
  void policySetRefusesAReservedProviderKeyWithOpenShellsMessage() throws IOException {
    fx.sandbox("box");
    Cli.Run r =
        cli.run(
            "policy",
            "set",
            "box",
            "-f",
            file(USER_POLICY.replace("  web:", "  _provider_x:")).toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Failed to set the policy of sandbox box.\n"
                + ProviderRuleNames.reservedKeyMessage("_provider_x")
                + "\n");
  }

  @Test
  void policySetIsRefusedWhileAGlobalPolicyIsActive() throws IOException {
    fx.sandbox("box");
    fx.settings(Map.of("globalPolicy", Map.of("version", 1)));
    Cli.Run r = cli.run("policy", "set", "box", "-f", file(USER_POLICY).toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .endsWith(
            "\npolicy is managed globally; delete global policy before sandbox policy update\n");
  }

  @Test
  void policySetRefusesAnUnsafePolicy() throws IOException {
    fx.sandbox("box");
    Cli.Run r =
        cli.run(
            "policy",
            "set",
            "box",
            "-f",
            file(USER_POLICY + "filesystem_policy:\n  read_write: [/]\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("policy contains unsafe content: read-write path is overly broad: /");
  }

  @Test
  void policyGetFullPrintsTheDeliveredPolicyAfterItsMetadata() {
    fx.sandbox("box");
    deliveredPolicy("box", EFFECTIVE_POLICY);
    Cli.Run r = cli.run("policy", "get", "box", "--full");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("hash: sha256:abc\n").endsWith("---\n" + EFFECTIVE_POLICY);
  }

  @Test
  void policyGetBaseDropsTheProviderRules() {
    fx.sandbox("box");
    deliveredPolicy("box", EFFECTIVE_POLICY);
    Cli.Run r = cli.run("policy", "get", "box", "--base");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("web:").doesNotContain("_provider_");
  }

  @Test
  void theBasePolicyRoundTripsIntoPolicySet() throws IOException {
    fx.sandbox("box");
    deliveredPolicy("box", EFFECTIVE_POLICY);
    Path base = file(cli.run("policy", "get", "box", "--base").out());
    assertThat(cli.run("policy", "set", "box", "-f", base.toString()).exitCode()).isZero();
  }

  @Test
  void policyGetBeforeTheOperatorDeliveredIsRefused() {
    fx.sandbox("box");
    Cli.Run r = cli.run("policy", "get", "box");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("ConfigMap openshell-policy-box not found");
  }
}
