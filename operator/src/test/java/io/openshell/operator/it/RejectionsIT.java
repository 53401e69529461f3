package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.policyYaml;
import static io.openshell.testsupport.StatusConditions.has;
import static io.openshell.testsupport.StatusConditions.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.testsupport.Manifests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invalid input never widens access: each rejected candidate leaves the ConfigMap as it was and
 * reports the rule's condition reason with OpenShell's message.
 */
class RejectionsIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
    h.apply(
        null,
        """
        apiVersion: openshell.io/v1alpha1
        kind: OpenShellSettings
        metadata:
          name: cluster
        spec:
          providersV2Enabled: true
        """);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** Creates the sandbox and returns its first delivered policy.yaml. */
  private static String composed(String ns, String manifest, String name) {
    h.apply(ns, manifest);
    h.awaitSandbox(ns, name, s -> has(s.getStatus(), Conditions.READY, "True", "Composed"));
    return policyYaml(h.policyConfigMap(ns, name).orElseThrow());
  }

  private static Sandbox rejected(String ns, String name, String reason) {
    return h.awaitSandbox(
        ns, name, s -> has(s.getStatus(), Conditions.POLICY_COMPOSED, "False", reason));
  }

  private static void githubProvider(String ns, String name) {
    h.apply(ns, Manifests.secret(name + "-creds", "GITHUB_TOKEN"));
    h.apply(ns, Manifests.provider(name, "github", name + "-creds"));
  }

  @Test
  void missingProviderIsReportedAndTheLastGoodPolicyKept() {
    String ns = OperatorHarness.namespace();
    String before = composed(ns, Manifests.sandbox("demo"), "demo");

    h.setProviders(ns, "demo", "ghost");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_PROVIDERS_UNRESOLVED);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .isEqualTo("provider 'ghost' not found");
    assertThat(
            has(
                s.getStatus(),
                Conditions.PROVIDERS_RESOLVED,
                "False",
                Conditions.REASON_PROVIDER_NOT_FOUND))
        .isTrue();
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void conditionTransitionIsRecordedAsAWarningEvent() {
    String ns = OperatorHarness.namespace();
    composed(ns, Manifests.sandbox("demo"), "demo");

    h.setProviders(ns, "demo", "ghost");

    org.awaitility.Awaitility.await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(
            () ->
                h.client.v1().events().inNamespace(ns).list().getItems().stream()
                    .anyMatch(
                        e ->
                            "Warning".equals(e.getType())
                                && "ProviderNotFound".equals(e.getReason())
                                && e.getMessage().contains("provider 'ghost' not found")));
  }

  @Test
  void reservedProviderKeyInTheBasePolicyIsRejected() {
    String ns = OperatorHarness.namespace();
    String before = composed(ns, Manifests.sandbox("demo"), "demo");

    h.mergePatchSandbox(
        ns,
        "demo",
        """
        {"spec":{"policy":{"networkPolicies":{"_provider_sneaky":
          {"endpoints":[{"host":"evil.example.com","port":443}]}}}}}""");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_RESERVED_KEY_PREFIX);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .isEqualTo(
            "network_policies key '_provider_sneaky' uses reserved '_provider_' prefix for provider"
                + " composition; use 'openshell policy get <sandbox> --base' for a round-trippable"
                + " base policy, or use 'openshell policy get <sandbox> --full' to inspect the"
                + " effective policy including provider entries");
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void duplicateCredentialEnvKeyIsRejected() {
    String ns = OperatorHarness.namespace();
    String profile = "dup-" + ns;
    githubProvider(ns, "a");
    h.apply(null, Manifests.restProfile(profile, "GITHUB_TOKEN", "api.dup.example.com"));
    h.apply(ns, Manifests.secret("b-creds", "GITHUB_TOKEN"));
    h.apply(ns, Manifests.provider("b", profile, "b-creds"));
    String before = composed(ns, Manifests.sandbox("demo", "a"), "demo");

    h.setProviders(ns, "demo", "a", "b");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_DUPLICATE_CREDENTIAL_ENV_KEY);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .isEqualTo(
            "credential env key 'GITHUB_TOKEN' is provided by both provider 'a' and provider 'b';"
                + " use provider-specific env names");
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void ambiguousEndpointsAreRejected() {
    String ns = OperatorHarness.namespace();
    githubProvider(ns, "gh");
    String rule =
        """
        gh_api:
          endpoints:
            - host: api.github.com
              port: 443
              protocol: rest
              access: full
        """;
    String before = composed(ns, Manifests.sandboxWithRules("demo", rule), "demo");

    h.setProviders(ns, "demo", "gh");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_AMBIGUOUS_ENDPOINTS);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .startsWith("network endpoint ambiguity validation failed:\nnetwork policies '")
        .contains("with conflicting metadata: enforcement=");
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void ambiguousTokenGrantsAreRejected() {
    String ns = OperatorHarness.namespace();
    String profile = "tg-" + ns;
    h.apply(null, Manifests.tokenGrantProfile(profile, "tg.example.com"));
    h.apply(ns, Manifests.runtimeProvider("p1", profile));
    h.apply(ns, Manifests.runtimeProvider("p2", profile));
    String before = composed(ns, Manifests.sandbox("demo", "p1"), "demo");

    h.setProviders(ns, "demo", "p1", "p2");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_AMBIGUOUS_TOKEN_GRANT);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .startsWith(
            "dynamic token grants for 'p1:access_token' and 'p2:access_token' are ambiguous for"
                + " tg.example.com:443");
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void uninspectedCredentialedEndpointIsRejected() {
    String ns = OperatorHarness.namespace();
    githubProvider(ns, "gh");
    String rule =
        """
        custom_gh:
          endpoints:
            - host: api.github.com
              port: 443
        """;
    String before = composed(ns, Manifests.sandboxWithRules("demo", rule), "demo");

    h.setProviders(ns, "demo", "gh");

    Sandbox s = rejected(ns, "demo", Conditions.REASON_UNINSPECTED_CREDENTIALED_ENDPOINT);
    assertThat(message(s.getStatus(), Conditions.POLICY_COMPOSED))
        .isEqualTo(
            "credentialed endpoint 'api.github.com:443' in rule 'custom_gh' uses L4-only;"
                + " configure L7 inspection or explicitly set allow_uninspected_credentials: true");
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).isEqualTo(before);
  }

  @Test
  void fixingTheInputAfterARejectionDeliversAgain() {
    String ns = OperatorHarness.namespace();
    githubProvider(ns, "gh");
    composed(ns, Manifests.sandbox("demo"), "demo");
    h.setProviders(ns, "demo", "gh", "ghost");
    rejected(ns, "demo", Conditions.REASON_PROVIDERS_UNRESOLVED);

    h.setProviders(ns, "demo", "gh");

    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_gh:"));
    assertThat(
            h.awaitSandbox(
                    ns, "demo", x -> has(x.getStatus(), Conditions.READY, "True", "Composed"))
                .getStatus()
                .getProviders())
        .extracting("ruleKey")
        .containsExactly("_provider_gh");
  }
}
