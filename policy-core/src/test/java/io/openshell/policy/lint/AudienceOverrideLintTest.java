package io.openshell.policy.lint;

import static io.openshell.policy.lint.Profiles.auth;
import static io.openshell.policy.lint.Profiles.cred;
import static io.openshell.policy.lint.Profiles.grant;
import static io.openshell.policy.lint.Profiles.override;
import static io.openshell.policy.lint.Profiles.profile;
import static io.openshell.policy.lint.Profiles.withGrant;
import static io.openshell.policy.validate.Endpoints.rest;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.ProviderProfile;
import org.junit.jupiter.api.Test;

/** The token_grant audience_overrides ambiguity rule (§2.4), via {@code policy.match}. */
class AudienceOverrideLintTest {

  static ProviderProfile withOverrides(AudienceOverride... overrides) {
    return profile("p")
        .credential(
            withGrant(
                auth(cred("t", "T"), "bearer", "Authorization", "", ""),
                grant("https://idp.example.com/token", overrides)))
        .endpoint(rest("api.example.com").build())
        .build();
  }

  // validate_profile_set_rejects_ambiguous_same_credential_audience_overrides
  @Test
  void equallySpecificOverlappingOverridesAreAmbiguous() {
    assertThat(
            ProfileLintTest.lint(
                withOverrides(
                    override("", 0, "/v1/*", "a"), override("api.example.com", 443, "/v2/*", "b"))))
        .containsExactly(
            "credentials.token_grant.audience_overrides: credential 't' has ambiguous token_grant"
                + " audience_overrides at indexes 0 and 1 for api.example.com:443 path selectors"
                + " '/v1/*' and '/v2/*'");
  }

  // validate_profile_set_allows_more_specific_audience_override_path
  @Test
  void moreSpecificOverridePathIsNotAmbiguous() {
    assertThat(
            ProfileLintTest.lint(
                withOverrides(
                    override("", 0, "/v1/**", "a"), override("", 0, "/v1/admin/**", "b"))))
        .isEmpty();
  }

  @Test
  void overridesForOtherHostsDoNotMatchTheEndpoint() {
    assertThat(
            ProfileLintTest.lint(
                withOverrides(
                    override("other.example.com", 0, "/v1/*", "a"),
                    override("else.example.com", 0, "/v2/*", "b"))))
        .isEmpty();
  }

  @Test
  void twoOverridesWithTheSameSelectorAreAmbiguous() {
    assertThat(
            ProfileLintTest.lint(
                withOverrides(override("", 0, "/v1/**", "a"), override("", 0, "/v1/**", "b"))))
        .containsExactly(
            "credentials.token_grant.audience_overrides: credential 't' has ambiguous token_grant"
                + " audience_overrides at indexes 0 and 1 for api.example.com:443 path selectors"
                + " '/v1/**' and '/v1/**'");
  }
}
