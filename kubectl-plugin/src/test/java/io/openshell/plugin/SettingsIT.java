package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsIT extends ClusterIT {
  @TempDir Path tmp;

  private io.fabric8.kubernetes.api.model.GenericKubernetesResource stored() {
    return client.genericKubernetesResources(GenericKinds.SETTINGS).withName("cluster").get();
  }

  /**
   * A sandbox that is valid while provider layers are off, and ambiguous once the github layer is
   * composed: its own api.github.com:443 endpoint skips TLS, the layer's does not (§6.1).
   */
  private void sandboxThatComposingWouldBreak() {
    fx.provider("work-github", "github", "GITHUB_TOKEN");
    Map<String, Object> endpoint =
        Map.of(
            "host", "api.github.com",
            "port", 443,
            "protocol", "rest",
            "access", "full",
            "tls", "skip",
            "allowUninspectedCredentials", true);
    fx.sandboxWithPolicy(
        "box",
        Map.of(
            "version",
            1,
            "networkPolicies",
            Map.of(
                "mine",
                Map.of(
                    "endpoints",
                    List.of(endpoint),
                    "binaries",
                    List.of(Map.of("path", "/usr/bin/curl"))))),
        "work-github");
  }

  @Test
  void settingsSetCreatesTheSingletonWhenItDoesNotExist() {
    Cli.Run r = cli.run("settings", "set", "providers-v2-enabled=true");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Set providers-v2-enabled=true\n");
    assertThat(Fields.bool(stored(), "spec", "providersV2Enabled")).isTrue();
  }

  @Test
  void settingsGetShowsDefaultsWhenTheSingletonDoesNotExist() {
    Cli.Run r = cli.run("settings", "get");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("providers-v2-enabled: false\nglobal-policy: none\n");
  }

  @Test
  void enablingCompositionIsRefusedWhenASandboxWouldBecomeInvalid() {
    sandboxThatComposingWouldBreak();
    Cli.Run r = cli.run("settings", "set", "providers-v2-enabled=true");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("Failed to set providers-v2-enabled=true.\n")
        .contains(
            "cannot activate provider policy composition: sandbox 'default/box' has an invalid"
                + " effective policy: ");
    assertThat(stored()).isNull();
  }

  @Test
  void disablingCompositionIsNeverRefused() {
    sandboxThatComposingWouldBreak();
    assertThat(cli.run("settings", "set", "providers-v2-enabled=false").exitCode()).isZero();
  }

  @Test
  void globalPolicySetStoresThePolicyAndDeleteRemovesIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("global.yaml"), PolicyCommandsIT.USER_POLICY);
    Cli.Run set = cli.run("settings", "global-policy", "set", "-f", file.toString());
    assertThat(set.err()).isEmpty();
    assertThat(set.exitCode()).isZero();
    assertThat(Fields.get(stored(), "spec", "globalPolicy", "networkPolicies", "web")).isPresent();

    Cli.Run delete = cli.run("settings", "global-policy", "delete");
    assertThat(delete.exitCode()).isZero();
    assertThat(Fields.get(stored(), "spec", "globalPolicy")).isEmpty();
  }

  @Test
  void aGlobalPolicyWithAReservedKeyIsRefused() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("global.yaml"),
            PolicyCommandsIT.USER_POLICY.replace("  web:", "  _provider_x:"));
    Cli.Run r = cli.run("settings", "global-policy", "set", "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("_provider_x");
  }

  @Test
  void deletingTheGlobalPolicyIsRefusedWhenItWouldReactivateAnInvalidSandbox() throws IOException {
    sandboxThatComposingWouldBreak();
    fx.settings(Map.of("providersV2Enabled", true, "globalPolicy", Map.of("version", 1)));
    Cli.Run r = cli.run("settings", "global-policy", "delete");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot activate provider policy composition: sandbox 'default/box'");
    assertThat(Fields.get(stored(), "spec", "globalPolicy")).isPresent();
  }
}
