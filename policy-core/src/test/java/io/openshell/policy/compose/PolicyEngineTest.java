package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.NOW;
import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.bound;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.credential;
import static io.openshell.policy.compose.Fixtures.ep;
import static io.openshell.policy.compose.Fixtures.github;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.l4;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.profile;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.rest;
import static io.openshell.policy.compose.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
  private static final SandboxPolicy BASE =
      policy("custom_github", rule("custom_github", rest("api.github.com", 443)));

  private static EffectivePolicy composed(CompositionResult r) {
    assertThat(r).isInstanceOf(CompositionResult.Composed.class);
    return ((CompositionResult.Composed) r).effective();
  }

  private static List<Violation> rejected(CompositionResult r) {
    assertThat(r).isInstanceOf(CompositionResult.Rejected.class);
    return ((CompositionResult.Rejected) r).violations();
  }

  @Test
  void composedResultCarriesTheCanonicalYamlAndItsHash() {
    EffectivePolicy e =
        composed(
            PolicyEngine.compose(
                inputs(
                    BASE,
                    catalog(github()),
                    V2,
                    provider("work-github", "github", "GITHUB_TOKEN"))));

    assertThat(e.policyYaml()).isEqualTo(PolicyYaml.write(e.policy()));
    assertThat(e.policyHash()).isEqualTo(PolicyHash.of(e.policyYaml()));
    assertThat(e.source()).isEqualTo(PolicySource.SANDBOX);
    assertThat(e.providersV2Enabled()).isTrue();
    assertThat(e.layers())
        .containsExactly(new Layer("work-github", "github", "github", 0, "_provider_work_github"));
    assertThat(e.providerEnvRevision()).matches("[0-9a-f]{64}");
  }

  // OpenShell grpc/sandbox.rs:260-347 (CreateSandbox check order, parity row L9).
  @Test
  void rejectionReportsEveryStageInCreateSandboxOrder() {
    SandboxPolicy base = policy("_provider_mine", rule("", rest("a.example.com", 443)));
    SandboxInputs in =
        new SandboxInputs(
            "team-a",
            "box",
            Optional.of(base),
            List.of("ghost", "one", "two"),
            Map.of(
                "one", provider("one", "generic", "API_KEY"),
                "two", provider("two", "generic", "API_KEY")),
            catalog(),
            V2,
            NOW);

    assertThat(rejected(PolicyEngine.compose(in)))
        .extracting(Violation::code)
        .containsExactly(
            ViolationCode.PROVIDER_NOT_FOUND,
            ViolationCode.DUPLICATE_CREDENTIAL_ENV_KEY,
            ViolationCode.RESERVED_KEY_PREFIX);
  }

  @Test
  void rejectionKeepsTheLayersForStatus() {
    CompositionResult r =
        PolicyEngine.compose(
            inputs(
                BASE,
                catalog(github()),
                V2,
                provider("a", "github", "GITHUB_TOKEN"),
                provider("b", "github", "GITHUB_TOKEN")));

    assertThat(((CompositionResult.Rejected) r).layers())
        .extracting(Layer::provider)
        .containsExactly("a", "b");
  }

  private static SandboxInputs withProviders(int count) {
    List<String> names = new ArrayList<>();
    Map<String, ProviderRecord> records = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String name = "p" + i;
      names.add(name);
      records.put(name, provider(name, "generic", "KEY_" + i));
    }
    return new SandboxInputs(
        "team-a", "box", Optional.of(BASE), names, records, catalog(), V2, NOW);
  }

  // S: attach_sandbox_provider_accepts_at_max_providers_limit
  @Test
  void thirtyTwoProvidersAreAccepted() {
    assertThat(PolicyEngine.compose(withProviders(32)))
        .isInstanceOf(CompositionResult.Composed.class);
  }

  // S: attach_sandbox_provider_rejects_beyond_max_providers_limit
  @Test
  void aThirtyThirdProviderIsRejected() {
    assertThat(rejected(PolicyEngine.compose(withProviders(33))))
        .containsExactly(
            Violation.error(
                ViolationCode.TOO_MANY_PROVIDERS,
                "providers",
                "providers list exceeds maximum (33 > 32)"));
  }

  // Q: candidate_effective_policy_rejects_provider_endpoint_ambiguity;
  // Q: provider_attachment_preflight_rejects_composed_ambiguity
  @Test
  void attachingATlsSkipProfileNextToABaseL4RuleIsRejectedAsAmbiguous() {
    ProviderProfile skip =
        profile(
            "skip-api",
            List.of(credential("token", "SKIP_TOKEN")),
            List.of(
                ep("api.example.com", 443)
                    .protocol("rest")
                    .access("full")
                    .tls("skip")
                    .allowUninspectedCredentials(true)
                    .build()));
    SandboxPolicy base = policy("base_api", rule("base_api", l4("api.example.com", 443)));

    List<Violation> v =
        rejected(
            PolicyEngine.compose(
                inputs(base, catalog(skip), V2, provider("s", "skip-api", "SKIP_TOKEN"))));

    assertThat(v).extracting(Violation::code).contains(ViolationCode.AMBIGUOUS_ENDPOINTS);
    assertThat(
            v.stream()
                .filter(x -> x.code() == ViolationCode.AMBIGUOUS_ENDPOINTS)
                .findFirst()
                .orElseThrow()
                .message())
        .startsWith("network endpoint ambiguity validation failed:\n")
        .contains("tls=");
  }

  @Test
  void invalidBasePolicyIsRejectedWithTheValidatorsViolations() {
    SandboxPolicy base = policy("tld", rule("tld", l4("*.com", 443)));

    assertThat(rejected(PolicyEngine.compose(inputs(base, catalog(), V2))))
        .extracting(Violation::code)
        .containsExactly(ViolationCode.INVALID_POLICY);
  }

  @Test
  void globalPolicyWithACredentialBindingIsRejected() {
    Settings s =
        new Settings(
            true, Optional.of(policy("g", rule("g", bound("x.example.com", 443, "gcp")))), 1);

    assertThat(rejected(PolicyEngine.compose(inputs(BASE, catalog(), s))))
        .extracting(Violation::message)
        .contains("credential_binding is sandbox-scoped and cannot be used in a global policy");
  }

  @Test
  void profilelessProvidersAreWarningsOnAComposedPolicy() {
    EffectivePolicy e =
        composed(
            PolicyEngine.compose(
                inputs(BASE, catalog(), V2, provider("mine", "custom", "MY_KEY"))));

    assertThat(e.warnings())
        .extracting(Violation::code)
        .containsExactly(ViolationCode.PROFILELESS_PROVIDER);
    assertThat(e.layers()).containsExactly(new Layer("mine", "custom", "", 0, ""));
  }

  @Test
  void globalPolicyIsDeliveredAsTheGlobalSource() {
    Settings s =
        new Settings(true, Optional.of(policy("g", rule("g", rest("g.example.com", 443)))), 1);

    EffectivePolicy e =
        composed(
            PolicyEngine.compose(inputs(BASE, catalog(github()), s, provider("gh", "github"))));

    assertThat(e.source()).isEqualTo(PolicySource.GLOBAL);
    assertThat(e.policy().networkPolicies()).containsOnlyKeys("g");
  }
}
