package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V1;
import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.bound;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.credential;
import static io.openshell.policy.compose.Fixtures.endpointless;
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

import io.openshell.policy.Severity;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositionTest {
  private static final SandboxPolicy BASE =
      policy("custom_github", rule("custom_github", rest("api.github.com", 443)));

  private static Composition.Candidate compose(
      SandboxPolicy base,
      Settings settings,
      ProfileCatalog catalog,
      io.openshell.policy.model.ProviderRecord... records) {
    return Composition.compose(inputs(base, catalog, settings, records));
  }

  // C: compose_concatenates_provider_rules_without_overwriting_user_rules
  @Test
  void layerWithATakenKeyGetsASuffixAndUserRulesAreKept() {
    SandboxPolicy base =
        policy(
            "custom_github", rule("custom_github", rest("api.github.com", 443)),
            "_provider_work_github", rule("_provider_work_github", rest("example.com", 443)));

    Composition.Candidate c =
        compose(base, V2, catalog(github()), provider("work-github", "github", "GITHUB_TOKEN"));

    assertThat(c.policy().networkPolicies())
        .containsOnlyKeys("custom_github", "_provider_work_github", "_provider_work_github_2");
    assertThat(c.policy().networkPolicies().get("_provider_work_github").endpoints().get(0).host())
        .isEqualTo("example.com");
    assertThat(base.networkPolicies()).hasSize(2);
  }

  // §11.4: suffixed entry keeps name: _provider_<base>
  @Test
  void providerNameCollisionGetsSuffixAndKeepsTheBaseName() {
    Composition.Candidate c =
        compose(
            BASE,
            V2,
            catalog(github()),
            provider("work-github", "github"),
            provider("work.github", "github"));

    assertThat(c.policy().networkPolicies())
        .containsKeys("_provider_work_github", "_provider_work_github_2");
    assertThat(c.policy().networkPolicies().get("_provider_work_github_2").name())
        .isEqualTo("_provider_work_github");
    assertThat(c.layers())
        .extracting(Layer::ruleKey)
        .containsExactly("_provider_work_github", "_provider_work_github_2");
  }

  // Q: sandbox_config_composes_user_and_provider_rules
  @Test
  void userAndProviderRulesCoexist() {
    Composition.Candidate c =
        compose(BASE, V2, catalog(github()), provider("work-github", "github", "GITHUB_TOKEN"));

    assertThat(c.policy().networkPolicies())
        .containsOnlyKeys("custom_github", "_provider_work_github");
    assertThat(c.composed()).isTrue();
    assertThat(c.source()).isEqualTo(PolicySource.SANDBOX);
  }

  // Q: provider_policy_layers_include_known_provider_profiles
  @Test
  void githubLayerHasThreeCredentialedEndpointsAndTheProfileBinaries() {
    NetworkPolicyRule layer =
        compose(BASE, V2, catalog(github()), provider("work-github", "github"))
            .policy()
            .networkPolicies()
            .get("_provider_work_github");

    assertThat(layer.name()).isEqualTo("_provider_work_github");
    assertThat(layer.endpoints()).hasSize(3).allMatch(NetworkEndpoint::providerCredentialed);
    assertThat(layer.binaries())
        .extracting(NetworkBinary::path)
        .containsExactly("/usr/bin/gh", "/usr/local/bin/gh", "/usr/bin/git", "/usr/local/bin/git");
    assertThat(layer.endpoints().get(2).rules()).hasSize(4);
  }

  // Q: sandbox_config_omits_provider_layers_when_v2_disabled
  @Test
  void noLayersWhenProvidersV2IsDisabled() {
    Composition.Candidate c =
        compose(BASE, V1, catalog(github()), provider("work-github", "github"));

    assertThat(c.policy().networkPolicies()).containsOnlyKeys("custom_github");
    assertThat(c.composed()).isFalse();
    assertThat(c.layers()).singleElement().extracting(Layer::ruleKey).isEqualTo("");
  }

  // §5.6: stamping applies regardless of the v2 flag
  @Test
  void stampingAppliesEvenWhenProvidersV2IsDisabled() {
    Composition.Candidate c =
        compose(BASE, V1, catalog(github()), provider("work-github", "github"));

    assertThat(
            c.policy()
                .networkPolicies()
                .get("custom_github")
                .endpoints()
                .get(0)
                .providerCredentialed())
        .isTrue();
  }

  // Q: global_policy_suppresses_provider_profile_layers_when_v2_enabled
  @Test
  void globalPolicyReplacesTheSandboxPolicyAndSuppressesLayers() {
    SandboxPolicy global =
        policy("global_rule", rule("global_rule", rest("global.example.com", 443)));
    Settings settings = new Settings(true, Optional.of(global), 2);

    Composition.Candidate c =
        compose(BASE, settings, catalog(github()), provider("work-github", "github"));

    assertThat(c.source()).isEqualTo(PolicySource.GLOBAL);
    assertThat(c.policy().networkPolicies()).containsOnlyKeys("global_rule");
    assertThat(c.composed()).isFalse();
  }

  // §5.1 / §11.12: no base policy → no layers; we deliver the restrictive default
  @Test
  void sandboxWithoutAPolicyGetsTheRestrictiveDefaultAndNoLayers() {
    Composition.Candidate c =
        Composition.compose(
            inputs(
                Optional.empty(),
                List.of(provider("work-github", "github")),
                catalog(github()),
                V2));

    assertThat(c.policy()).isEqualTo(Composition.RESTRICTIVE_DEFAULT);
    assertThat(c.policy().networkPolicies()).isEmpty();
    assertThat(c.composed()).isFalse();
  }

  @Test
  void restrictiveDefaultMatchesOpenShell() {
    SandboxPolicy d = Composition.RESTRICTIVE_DEFAULT;
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.filesystem().orElseThrow().includeWorkdir()).isTrue();
    assertThat(d.filesystem().orElseThrow().readOnly())
        .containsExactly("/usr", "/lib", "/proc", "/dev/urandom", "/app", "/etc", "/var/log");
    assertThat(d.filesystem().orElseThrow().readWrite()).containsExactly("/tmp", "/dev/null");
    assertThat(d.landlock().orElseThrow().compatibility()).isEqualTo("best_effort");
  }

  // Q: provider_policy_layers_skip_unknown_provider_types;
  // Q: sandbox_config_skips_profileless_provider_types_when_v2_enabled
  @Test
  void profilelessProviderTypesAddNoLayerButAWarning() {
    Composition.Candidate c =
        compose(
            BASE, V2, catalog(github()), provider("mine", "custom"), provider("gen", "generic"));

    assertThat(c.policy().networkPolicies()).containsOnlyKeys("custom_github");
    assertThat(c.layers()).extracting(Layer::profile).containsExactly("", "");
    assertThat(c.warnings())
        .hasSize(2)
        .allMatch(
            v ->
                v.severity() == Severity.WARNING && v.code() == ViolationCode.PROFILELESS_PROVIDER);
  }

  // §11.5: endpointless profiles still add an empty rule
  @Test
  void endpointlessProfileAddsAnEmptyRule() {
    Composition.Candidate c =
        compose(
            BASE,
            V2,
            catalog(endpointless("google-cloud", "GCP_SA_ACCESS_TOKEN")),
            provider("gcp", "gcp"));

    NetworkPolicyRule layer = c.policy().networkPolicies().get("_provider_gcp");
    assertThat(layer.endpoints()).isEmpty();
    assertThat(layer.binaries()).isEmpty();
  }

  // Q: provider_policy_layers_include_custom_provider_profiles
  @Test
  void customProfileEndpointFieldsAreCopied() {
    NetworkEndpoint e =
        ep("api.custom.example", 0)
            .ports(List.of(443, 8443))
            .path("/v1/**")
            .protocol("rest")
            .access("read-write")
            .allowedIps(List.of("10.0.0.0/24"))
            .allowEncodedSlash(true)
            .build();
    ProviderProfile custom =
        new ProviderProfile(
            "custom-api",
            0,
            java.util.Map.of(),
            "Custom",
            "",
            io.openshell.policy.model.ProfileCategory.OTHER,
            false,
            List.of(),
            List.of(),
            List.of(e),
            List.of(new NetworkBinary("/usr/bin/tool", true)));

    NetworkPolicyRule layer =
        compose(BASE, V2, catalog(custom), provider("work-custom", "custom-api"))
            .policy()
            .networkPolicies()
            .get("_provider_work_custom");

    assertThat(layer.endpoints()).containsExactly(e);
    assertThat(layer.binaries()).containsExactly(new NetworkBinary("/usr/bin/tool", true));
  }

  // Q: provider_policy_layers_normalize_custom_provider_type_ids
  @Test
  void providerTypeIsTrimmedAndLowerCasedBeforeLookup() {
    ProviderProfile custom =
        profile("custom-api", List.of(), List.of(rest("api.custom.example", 443)));

    Composition.Candidate c = compose(BASE, V2, catalog(custom), provider("work", " Custom-API "));

    assertThat(c.layers()).singleElement().extracting(Layer::profile).isEqualTo("custom-api");
    assertThat(c.policy().networkPolicies()).containsKey("_provider_work");
  }

  // Q: provider_credentialed_stamping_matches_host_patterns_and_ports
  @Test
  void stampingMatchesHostPatternsAndPorts() {
    ProviderProfile wild =
        profile(
            "wild",
            List.of(credential("token", "WILD_TOKEN")),
            List.of(rest("*.example.com", 443)));
    SandboxPolicy base =
        policy(
            "user",
            rule(
                "user",
                rest("api.example.com", 443),
                rest("api.example.com", 8443),
                rest("x.api.example.com", 443),
                rest("other.org", 443)));

    List<NetworkEndpoint> eps =
        compose(base, V1, catalog(wild), provider("w", "wild"))
            .policy()
            .networkPolicies()
            .get("user")
            .endpoints();

    assertThat(eps)
        .extracting(NetworkEndpoint::providerCredentialed)
        .containsExactly(true, false, false, false);
  }

  @Test
  void profilesWithoutCredentialsDoNotStamp() {
    ProviderProfile plain = profile("plain", List.of(), List.of(l4("pypi.org", 443)));
    SandboxPolicy base = policy("user", rule("user", l4("pypi.org", 443)));

    Composition.Candidate c = compose(base, V2, catalog(plain), provider("p", "plain"));

    assertThat(c.policy().networkPolicies().values())
        .flatExtracting(NetworkPolicyRule::endpoints)
        .noneMatch(NetworkEndpoint::providerCredentialed);
  }

  @Test
  void userAuthoredCredentialedMarkersAreCleared() {
    SandboxPolicy base =
        policy("user", rule("user", ep("a.example.com", 443).providerCredentialed(true).build()));

    Composition.Candidate c = compose(base, V2, catalog());

    assertThat(c.policy().networkPolicies().get("user").endpoints().get(0).providerCredentialed())
        .isFalse();
  }

  // Q: policy_bindings_add_scopes_only_for_attached_endpointless_providers
  @Test
  void policyBindingsAddScopesOnlyForAttachedEndpointlessProviders() {
    SandboxPolicy base =
        policy(
            "bound_gcp", rule("bound_gcp", bound("storage.googleapis.com", 443, "gcp")),
            "bound_github", rule("bound_github", bound("uploads.example.com", 443, "work-github")),
            "bound_missing", rule("bound_missing", bound("missing.example.com", 443, "nobody")));

    Composition.Candidate c =
        compose(
            base,
            V1,
            catalog(github(), endpointless("google-cloud", "GCP_SA_ACCESS_TOKEN")),
            provider("gcp", "google-cloud"),
            provider("work-github", "github"));

    assertThat(
            c.policy().networkPolicies().get("bound_gcp").endpoints().get(0).providerCredentialed())
        .isTrue();
    assertThat(
            c.policy()
                .networkPolicies()
                .get("bound_github")
                .endpoints()
                .get(0)
                .providerCredentialed())
        .isFalse();
    assertThat(
            c.policy()
                .networkPolicies()
                .get("bound_missing")
                .endpoints()
                .get(0)
                .providerCredentialed())
        .isFalse();
  }

  // S: create_sandbox / §5.2 step 1
  @Test
  void missingProviderIsReportedAndTheOthersStillCompose() {
    SandboxInputs in =
        new SandboxInputs(
            "team-a",
            "box",
            Optional.of(BASE),
            List.of("ghost", "work-github"),
            java.util.Map.of("work-github", provider("work-github", "github")),
            catalog(github()),
            V2,
            Fixtures.NOW);

    Composition.Candidate c = Composition.compose(in);

    assertThat(c.missing())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.PROVIDER_NOT_FOUND);
              assertThat(v.message()).isEqualTo("provider 'ghost' not found");
            });
    assertThat(c.policy().networkPolicies()).containsKey("_provider_work_github");
  }

  // Q: sandbox_config_composition_is_jit_and_does_not_persist_provider_layers
  @Test
  void compositionDoesNotMutateItsInputs() {
    SandboxInputs in = inputs(BASE, catalog(github()), V2, provider("work-github", "github"));

    Composition.compose(in);

    assertThat(in.policy().orElseThrow().networkPolicies()).containsOnlyKeys("custom_github");
  }
}
