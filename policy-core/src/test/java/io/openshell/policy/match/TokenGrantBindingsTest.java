package io.openshell.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.TokenGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenGrantBindingsTest {

  private static CredentialProfile grant(String name, AudienceOverride... overrides) {
    return new CredentialProfile(
        name,
        "",
        List.of(),
        false,
        "bearer",
        "",
        "",
        "",
        Optional.empty(),
        Optional.of(
            new TokenGrant(
                "https://sts.example.com/token",
                "aud",
                "",
                TokenGrant.DEFAULT_CLIENT_ASSERTION_TYPE,
                List.of(),
                0,
                List.of(overrides))));
  }

  private static AudienceOverride override(String path) {
    return new AudienceOverride(Optional.empty(), 0, Optional.of(path), "aud" + path, List.of());
  }

  private static NetworkEndpoint endpoint(String host, String path) {
    return NetworkEndpoint.builder().host(host).port(443).path(path).protocol("rest").build();
  }

  // V: dynamic_token_grants_reject_equal_specificity_overlap
  @Test
  void equalSpecificityOverlapAcrossProvidersConflicts() {
    List<TokenGrantBinding> bindings = new ArrayList<>();
    bindings.addAll(
        TokenGrantBindings.forCredential(
            "alpha", List.of(endpoint("api.example.com", "/v1/**")), grant("token")));
    bindings.addAll(
        TokenGrantBindings.forCredential(
            "beta", List.of(endpoint("api.example.com", "/v1/**")), grant("token")));

    List<TokenGrantBindings.Conflict> conflicts = TokenGrantBindings.conflicts(bindings);

    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).message())
        .isEqualTo(
            "dynamic token grants for 'alpha:token' and 'beta:token' are ambiguous for"
                + " api.example.com:443 path selectors '/v1/**' and '/v1/**'; make one host/path"
                + " selector more specific or attach only one matching provider");
  }

  // V: dynamic_token_grants_allow_more_specific_path_overlap
  @Test
  void moreSpecificPathDoesNotConflict() {
    List<TokenGrantBinding> bindings = new ArrayList<>();
    bindings.addAll(
        TokenGrantBindings.forCredential(
            "alpha", List.of(endpoint("api.example.com", "/v1/**")), grant("token")));
    bindings.addAll(
        TokenGrantBindings.forCredential(
            "beta", List.of(endpoint("api.example.com", "/v1/admin/**")), grant("token")));

    assertThat(TokenGrantBindings.conflicts(bindings)).isEmpty();
  }

  @Test
  void sameCredentialNeverConflictsWithItself() {
    List<TokenGrantBinding> bindings =
        TokenGrantBindings.forCredential(
            "alpha",
            List.of(endpoint("api.example.com", "/v1/**"), endpoint("*.example.com", "/v1/**")),
            grant("token"));

    assertThat(TokenGrantBindings.conflicts(bindings)).isEmpty();
  }

  @Test
  void overridesAddOneBindingEachWithTheEndpointDefaults() {
    List<TokenGrantBinding> bindings =
        TokenGrantBindings.forCredential(
            "alpha",
            List.of(endpoint("api.example.com", "")),
            grant("token", override("/admin/**")));

    assertThat(bindings)
        .extracting(TokenGrantBinding::path, TokenGrantBinding::overrideIndex)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", -1),
            org.assertj.core.groups.Tuple.tuple("/admin/**", 0));
  }

  @Test
  void overrideForAnotherHostIsNotApplied() {
    AudienceOverride other =
        new AudienceOverride(Optional.of("other.example.org"), 0, Optional.empty(), "x", List.of());
    List<TokenGrantBinding> bindings =
        TokenGrantBindings.forCredential(
            "alpha", List.of(endpoint("api.example.com", "")), grant("token", other));

    assertThat(bindings).hasSize(1);
  }

  // P: validate_profile_set_rejects_ambiguous_same_credential_audience_overrides
  @Test
  void sameSelectorOverridesOfOneCredentialAreAmbiguous() {
    List<TokenGrantBindings.OverrideConflict> conflicts =
        TokenGrantBindings.overrideConflicts(
            List.of(endpoint("api.example.com", "")),
            grant("token", override("/v1/**"), override("/v1/**")));

    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).message())
        .isEqualTo(
            "credential 'token' has ambiguous token_grant audience_overrides at indexes 0 and 1"
                + " for api.example.com:443 path selectors '/v1/**' and '/v1/**'");
  }

  @Test
  void equallySpecificGlobOverridesAreConservativelyAmbiguous() {
    assertThat(
            TokenGrantBindings.overrideConflicts(
                List.of(endpoint("api.example.com", "")),
                grant("token", override("/v1/*"), override("/v2/*"))))
        .hasSize(1);
  }

  // P: validate_profile_set_allows_more_specific_audience_override_path
  @Test
  void moreSpecificOverridePathIsNotAmbiguous() {
    assertThat(
            TokenGrantBindings.overrideConflicts(
                List.of(endpoint("api.example.com", "")),
                grant("token", override("/v1/**"), override("/v1/admin/**"))))
        .isEmpty();
  }

  @Test
  void hostSpecificityPenalisesWildcardsAndRewardsLabels() {
    assertThat(TokenGrantBinding.hostSpecificity("api.example.com")).isEqualTo(100_000 + 300 + 15);
    assertThat(TokenGrantBinding.hostSpecificity("*.example.com")).isEqualTo(90_000 + 300 + 12);
  }
}
