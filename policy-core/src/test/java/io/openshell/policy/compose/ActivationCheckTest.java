package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V1;
import static io.openshell.policy.compose.Fixtures.V2;
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
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationCheckTest {
  private static final ProviderProfile SKIP =
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
  private static final SandboxPolicy BASE =
      policy("base_api", rule("base_api", l4("api.example.com", 443)));
  private static final Settings GLOBAL_ON =
      new Settings(true, Optional.of(policy("g", rule("g", rest("g.example.com", 443)))), 1);

  private static SandboxInputs ambiguousWhenComposed(Settings current) {
    return inputs(BASE, catalog(SKIP), current, provider("s", "skip-api", "SKIP_TOKEN"));
  }

  // Q: enabling_provider_composition_rejects_existing_ambiguous_binding
  @Test
  void enablingCompositionIsRefusedNamingTheSandbox() {
    List<Violation> v = ActivationCheck.check(V1, V2, List.of(ambiguousWhenComposed(V1)));

    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo(ViolationCode.AMBIGUOUS_ENDPOINTS);
              assertThat(x.message())
                  .startsWith(
                      "cannot activate provider policy composition: sandbox 'team-a/box' has an"
                          + " invalid effective policy: network endpoint ambiguity validation"
                          + " failed:\n")
                  .contains("tls=");
            });
  }

  // Q: deleting_global_policy_rejects_reactivated_ambiguous_provider_binding
  @Test
  void deletingTheGlobalPolicyWhileEnabledIsRefused() {
    assertThat(ActivationCheck.check(GLOBAL_ON, V2, List.of(ambiguousWhenComposed(GLOBAL_ON))))
        .hasSize(1);
  }

  @Test
  void disablingCompositionActivatesNothing() {
    assertThat(ActivationCheck.activates(V2, V1)).isFalse();
    assertThat(ActivationCheck.check(V2, V1, List.of(ambiguousWhenComposed(V2)))).isEmpty();
  }

  @Test
  void setttingAGlobalPolicyActivatesNothing() {
    assertThat(ActivationCheck.activates(V2, GLOBAL_ON)).isFalse();
  }

  @Test
  void sandboxesThatStayValidDoNotBlock() {
    SandboxInputs fine =
        inputs(policy(), catalog(SKIP), V1, provider("s", "skip-api", "SKIP_TOKEN"));

    assertThat(ActivationCheck.check(V1, V2, List.of(fine))).isEmpty();
  }
}
