package io.openshell.plugin;

import static io.openshell.plugin.Fixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusIT extends ClusterIT {
  static final String H1 = "sha256:1111111111111111aaaa";
  static final String H2 = "sha256:2222222222222222bbbb";

  private void sandboxWithHashes(String name, String effective, String applied) {
    fx.sandbox(name);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("observedGeneration", 1);
    status.put(
        "effectivePolicy", Map.of("hash", effective, "configMapName", "openshell-policy-" + name));
    if (applied != null) {
      status.put("appliedPolicyHash", applied);
    }
    status.put(
        "conditions",
        List.of(
            condition(
                "Ready",
                applied != null && applied.equals(effective) ? "True" : "False",
                "x",
                "")));
    fx.sandboxStatus(name, status);
  }

  @Test
  void statusTellsSyncedStaleAndNotSentApart() {
    sandboxWithHashes("a-synced", H1, H1);
    sandboxWithHashes("b-stale", H2, H1);
    sandboxWithHashes("c-not-sent", H1, null);
    Cli.Run r = cli.run("status");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "SANDBOX     EFFECTIVE_HASH       APPLIED_HASH         STATE     READY\n"
                + "a-synced    sha256:111111111111  sha256:111111111111  SYNCED    True\n"
                + "b-stale     sha256:222222222222  sha256:111111111111  STALE     False\n"
                + "c-not-sent  sha256:111111111111  -                    NOT-SENT  False\n");
  }

  @Test
  void statusOfOneSandboxAsJsonCarriesTheFullHashes() {
    sandboxWithHashes("a-synced", H1, H1);
    Cli.Run r = cli.run("status", "a-synced", "-o", "json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("\"effectiveHash\" : \"" + H1 + "\"")
        .contains("\"state\" : \"SYNCED\"");
  }

  @Test
  void statusOfAMissingSandboxIsRefused() {
    Cli.Run r = cli.run("status", "nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("\nsandbox not found\n");
  }

  @Test
  void providersListsTheAttachedProvidersWithTheirRule() {
    fx.provider("work-github", "github", "GITHUB_TOKEN", "GH_TOKEN");
    fx.provider("pypi-mirror", "pypi");
    fx.sandbox("box", "work-github", "pypi-mirror");
    Map<String, Object> status = new LinkedHashMap<>();
    status.put(
        "providers",
        List.of(
            Map.of(
                "name",
                "work-github",
                "type",
                "github",
                "profile",
                "github",
                "ruleKey",
                "_provider_work_github"),
            Map.of("name", "pypi-mirror", "type", "pypi", "profile", "pypi", "ruleKey", "")));
    fx.sandboxStatus("box", status);
    Cli.Run r = cli.run("providers", "box");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "NAME         TYPE    CREDENTIAL_KEYS  CONFIG_KEYS  RULE\n"
                + "work-github  github  2                0            _provider_work_github\n"
                + "pypi-mirror  pypi    0                0            -\n");
  }

  @Test
  void providersOfASandboxWithoutProvidersSaysSo() {
    fx.sandbox("box");
    Cli.Run r = cli.run("providers", "box");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("No providers attached to sandbox box.\n");
  }
}
