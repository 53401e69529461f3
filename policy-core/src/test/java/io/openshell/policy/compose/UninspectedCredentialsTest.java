package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.credential;
import static io.openshell.policy.compose.Fixtures.ep;
import static io.openshell.policy.compose.Fixtures.github;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.l4;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.profile;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class UninspectedCredentialsTest {

  private static List<Violation> check(SandboxPolicy base, ProviderProfile profile) {
    return UninspectedCredentials.check(
        Composition.compose(inputs(base, catalog(profile), V2, provider("p", profile.id())))
            .policy());
  }

  private static ProviderProfile credentialed(NetworkEndpoint... endpoints) {
    return profile("cred", List.of(credential("token", "CRED_TOKEN")), List.of(endpoints));
  }

  // Q: credentialed_l4_and_tls_skip_require_explicit_opt_in (L4 part)
  @Test
  void credentialedL4EndpointIsRejected() {
    assertThat(check(policy(), credentialed(l4("api.example.com", 443))))
        .containsExactly(
            Violation.error(
                ViolationCode.UNINSPECTED_CREDENTIALED_ENDPOINT,
                "network_policies._provider_p.endpoints[0].allow_uninspected_credentials",
                "credentialed endpoint 'api.example.com:443' in rule '_provider_p' uses L4-only;"
                    + " configure L7 inspection or explicitly set allow_uninspected_credentials:"
                    + " true"));
  }

  // Q: credentialed_l4_and_tls_skip_require_explicit_opt_in (tls skip part)
  @Test
  void credentialedTlsSkipEndpointIsRejected() {
    assertThat(
            check(
                policy(),
                credentialed(
                    ep("api.example.com", 443)
                        .protocol("rest")
                        .access("full")
                        .tls("skip")
                        .build())))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("uses tls: skip;");
  }

  @Test
  void optInClearsTheRejection() {
    assertThat(
            check(
                policy(),
                credentialed(ep("api.example.com", 443).allowUninspectedCredentials(true).build())))
        .isEmpty();
  }

  @Test
  void nonCredentialedL4EndpointIsAccepted() {
    assertThat(check(policy(), profile("plain", List.of(), List.of(l4("api.example.com", 443)))))
        .isEmpty();
  }

  // §5.7 derived: attaching github makes an existing overlapping user L4 endpoint fail
  @Test
  void attachingACredentialedProviderRejectsAnOverlappingUserL4Endpoint() {
    List<Violation> v =
        check(policy("user_api", rule("user_api", l4("api.github.com", 443))), github());

    assertThat(v)
        .singleElement()
        .extracting(Violation::message)
        .isEqualTo(
            "credentialed endpoint 'api.github.com:443' in rule 'user_api' uses L4-only; configure"
                + " L7 inspection or explicitly set allow_uninspected_credentials: true");
  }

  // §11.6: protocol tcp escapes the gate
  @Test
  void explicitTcpIsNotCaught() {
    assertThat(check(policy(), credentialed(ep("db.example.com", 5432).protocol("tcp").build())))
        .isEmpty();
  }
}
