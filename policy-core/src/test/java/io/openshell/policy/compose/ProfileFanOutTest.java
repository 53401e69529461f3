package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V1;
import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.bound;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.credential;
import static io.openshell.policy.compose.Fixtures.ep;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.l4;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.profile;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.rest;
import static io.openshell.policy.compose.Fixtures.rule;
import static io.openshell.policy.compose.Fixtures.tokenGrantCredential;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileFanOutTest {
  private static final ProviderProfile CURRENT =
      profile(
          "custom-api",
          List.of(credential("token", "CUSTOM_TOKEN")),
          List.of(rest("api.example.com", 443)));

  private static SandboxInputs sandbox(SandboxPolicy base, io.openshell.policy.model.Settings s) {
    return inputs(base, catalog(CURRENT), s, provider("work-custom", "custom-api", "CUSTOM_TOKEN"));
  }

  // V: profile_update_rejects_fanout_endpoint_ambiguity_without_persisting
  @Test
  void updateAddingATlsSkipEndpointThatCollidesWithABaseRuleIsRejected() {
    ProviderProfile candidate =
        profile(
            "custom-api",
            List.of(credential("token", "CUSTOM_TOKEN")),
            List.of(
                ep("api.example.com", 443)
                    .protocol("rest")
                    .access("full")
                    .tls("skip")
                    .allowUninspectedCredentials(true)
                    .build()));
    SandboxPolicy base = policy("base_api", rule("base_api", l4("api.example.com", 443)));

    List<Violation> v =
        ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, List.of(sandbox(base, V2)));

    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo(ViolationCode.PROFILE_FANOUT);
              assertThat(x.field()).isEqualTo("endpoints");
              assertThat(x.message())
                  .startsWith(
                      "update would create ambiguous network endpoints on sandbox 'team-a/box':"
                          + " network endpoint ambiguity validation failed:\n")
                  .contains("tls=");
            });
  }

  @Test
  void networkAmbiguityIsOnlyCheckedWhenCompositionIsActive() {
    ProviderProfile candidate =
        profile(
            "custom-api",
            List.of(credential("token", "CUSTOM_TOKEN")),
            List.of(
                ep("api.example.com", 443).protocol("rest").access("full").tls("skip").build()));
    SandboxPolicy base = policy("base_api", rule("base_api", l4("api.example.com", 443)));

    assertThat(
            ProfileFanOut.check(
                candidate, ProfileFanOut.Operation.UPDATE, List.of(sandbox(base, V1))))
        .isEmpty();
  }

  @Test
  void candidateWithoutEndpointsLeavesStaticCredentialsUnboundAndIsRejected() {
    ProviderProfile candidate =
        profile("custom-api", List.of(credential("token", "CUSTOM_TOKEN")), List.of());

    assertThat(
            ProfileFanOut.check(
                candidate, ProfileFanOut.Operation.UPDATE, List.of(sandbox(policy(), V2))))
        .extracting(Violation::message)
        .containsExactly(
            "update would leave static provider credentials without an authorized endpoint on"
                + " sandbox 'team-a/box'");
  }

  @Test
  void candidateWithEndpointsForAPolicyBoundProviderIsRejected() {
    SandboxPolicy base = policy("b", rule("b", bound("storage.example.com", 443, "work-custom")));

    assertThat(
            ProfileFanOut.check(
                CURRENT, ProfileFanOut.Operation.IMPORT, List.of(sandbox(base, V1))))
        .extracting(Violation::message)
        .containsExactly(
            "import would give provider 'work-custom' both profile endpoint bindings and sandbox"
                + " policy credential bindings on sandbox 'team-a/box'");
  }

  // V: import_/update_provider_profile_rejects_attached_dynamic_binding_ambiguity
  @Test
  void candidateCreatingAmbiguousTokenGrantsIsRejected() {
    ProviderProfile other =
        profile(
            "other-api",
            List.of(tokenGrantCredential("token")),
            List.of(
                ep("api.example.com", 443).path("/v1/**").protocol("rest").access("full").build()));
    ProviderProfile candidate =
        profile(
            "custom-api",
            List.of(tokenGrantCredential("token")),
            List.of(
                ep("api.example.com", 443).path("/v1/**").protocol("rest").access("full").build()));
    SandboxInputs in =
        inputs(
            policy(),
            catalog(CURRENT, other),
            V1,
            provider("work-custom", "custom-api"),
            provider("work-other", "other-api"));

    assertThat(ProfileFanOut.check(candidate, ProfileFanOut.Operation.IMPORT, List.of(in)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("credentials.token_grant.audience_overrides");
              assertThat(x.message())
                  .startsWith(
                      "import would create ambiguous dynamic token grants on sandbox 'team-a/box':"
                          + " dynamic token grants for 'work-custom:token' and 'work-other:token'");
            });
  }

  @Test
  void sandboxesMadeFromTheSameTemplateEachGetTheirOwnAmbiguityError() {
    ProviderProfile candidate =
        profile(
            "custom-api",
            List.of(credential("token", "CUSTOM_TOKEN")),
            List.of(
                ep("api.example.com", 443)
                    .protocol("rest")
                    .access("full")
                    .tls("skip")
                    .allowUninspectedCredentials(true)
                    .build()));
    SandboxPolicy base = policy("base_api", rule("base_api", l4("api.example.com", 443)));
    SandboxInputs first = sandbox(base, V2);
    SandboxInputs second =
        new SandboxInputs(
            "team-b",
            "other",
            first.policy(),
            first.providers(),
            first.providerRecords(),
            first.catalog(),
            first.settings(),
            first.now());

    List<Violation> v =
        ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, List.of(first, second));

    assertThat(v)
        .extracting(Violation::message)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith(
                        "update would create ambiguous network endpoints on"
                            + " sandbox 'team-a/box': "),
            m ->
                assertThat(m)
                    .startsWith(
                        "update would create ambiguous network endpoints on"
                            + " sandbox 'team-b/other': "));
    assertThat(v.get(1).message().substring(v.get(1).message().indexOf("': ")))
        .isEqualTo(v.get(0).message().substring(v.get(0).message().indexOf("': ")));
  }

  @Test
  void sandboxesThatDoNotUseTheProfileAreNotChecked() {
    ProviderProfile candidate = profile("custom-api", List.of(), List.of());
    SandboxInputs unrelated =
        inputs(policy(), catalog(CURRENT), V2, provider("x", "generic", "X_KEY"));

    assertThat(ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, List.of(unrelated)))
        .isEmpty();
  }
}
