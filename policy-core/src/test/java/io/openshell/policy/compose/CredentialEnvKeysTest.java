package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.NOW;
import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialEnvKeysTest {

  private static List<Violation> check(ProviderRecord... records) {
    return CredentialEnvKeys.check(
        Composition.resolve(inputs(policy(), catalog(), V2, records)), NOW);
  }

  private static ProviderRecord expiring(String name, String key, Instant expiry) {
    return new ProviderRecord(
        name, "generic", List.of(key), List.of(), Map.of(key, expiry), false, "1");
  }

  // V: resolve_provider_env_rejects_duplicate_credential_keys;
  // S: create_sandbox_rejects_provider_credential_key_collisions
  @Test
  void sameKeyFromTwoProvidersIsRejectedNamingBoth() {
    assertThat(
            check(
                provider("first", "generic", "API_KEY"), provider("second", "generic", "API_KEY")))
        .containsExactly(
            Violation.error(
                ViolationCode.DUPLICATE_CREDENTIAL_ENV_KEY,
                "providers",
                "credential env key 'API_KEY' is provided by both provider 'first' and provider"
                    + " 'second'; use provider-specific env names"));
  }

  @Test
  void distinctKeysAreAccepted() {
    assertThat(check(provider("first", "generic", "A_KEY"), provider("second", "generic", "B_KEY")))
        .isEmpty();
  }

  // V: resolve_provider_env_expired_creds_skipped
  @Test
  void expiredKeysAreNotActive() {
    assertThat(
            check(
                expiring("first", "API_KEY", NOW.minusSeconds(1)),
                provider("second", "generic", "API_KEY")))
        .isEmpty();
  }

  @Test
  void keysExpiringLaterAreActive() {
    assertThat(
            check(
                expiring("first", "API_KEY", NOW.plusSeconds(60)),
                provider("second", "generic", "API_KEY")))
        .hasSize(1);
  }

  @Test
  void expiryAtTheEpochMeansNever() {
    assertThat(
            check(
                expiring("first", "API_KEY", Instant.EPOCH),
                provider("second", "generic", "API_KEY")))
        .hasSize(1);
  }

  // V: resolve_provider_env_invalid_keys_skipped
  @Test
  void invalidEnvNamesAreNotActive() {
    assertThat(check(provider("first", "generic", "1BAD"), provider("second", "generic", "1BAD")))
        .isEmpty();
  }

  // V: resolve_provider_env vertex specifics
  @Test
  void vertexServiceAccountKeyIsNeverInjectedSoNeverCollides() {
    assertThat(
            check(
                provider("vertex", "vertex", "GOOGLE_SERVICE_ACCOUNT_KEY"),
                provider("other", "generic", "GOOGLE_SERVICE_ACCOUNT_KEY")))
        .isEmpty();
  }

  @Test
  void aRepeatedProviderNameCountsOnce() {
    SandboxInputs in =
        new SandboxInputs(
            "ns",
            "box",
            java.util.Optional.empty(),
            List.of("first", "first"),
            Map.of("first", provider("first", "generic", "API_KEY")),
            catalog(),
            V2,
            NOW);

    assertThat(CredentialEnvKeys.check(Composition.resolve(in), NOW)).isEmpty();
  }

  @Test
  void activeKeysAreSorted() {
    assertThat(CredentialEnvKeys.activeKeys(provider("p", "generic", "Z", "A", "M"), NOW))
        .containsExactly("A", "M", "Z");
  }
}
