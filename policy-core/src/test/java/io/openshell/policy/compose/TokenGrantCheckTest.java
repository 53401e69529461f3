package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V1;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.ep;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.profile;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.tokenGrantCredential;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenGrantCheckTest {

  private static ProviderProfile granting(String id, String path) {
    return profile(
        id,
        List.of(tokenGrantCredential("token")),
        List.of(ep("api.example.com", 443).path(path).protocol("rest").access("full").build()));
  }

  // V: dynamic_token_grants_reject_equal_specificity_overlap
  @Test
  void twoProvidersWithTheSameSelectorAreAmbiguous() {
    SandboxInputs in =
        inputs(
            policy(),
            catalog(granting("alpha-api", "/v1/**"), granting("beta-api", "/v1/**")),
            V1,
            provider("alpha", "alpha-api"),
            provider("beta", "beta-api"));

    assertThat(TokenGrantCheck.check(Composition.resolve(in)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.AMBIGUOUS_TOKEN_GRANT);
              assertThat(v.message())
                  .startsWith(
                      "dynamic token grants for 'alpha:token' and 'beta:token' are ambiguous for"
                          + " api.example.com:443");
            });
  }

  // V: dynamic_token_grants_allow_more_specific_path_overlap
  @Test
  void moreSpecificPathsAreNotAmbiguous() {
    SandboxInputs in =
        inputs(
            policy(),
            catalog(granting("alpha-api", "/v1/**"), granting("beta-api", "/v1/admin/**")),
            V1,
            provider("alpha", "alpha-api"),
            provider("beta", "beta-api"));

    List<Violation> v = TokenGrantCheck.check(Composition.resolve(in));

    assertThat(v).isEmpty();
  }
}
