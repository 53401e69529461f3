package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import java.util.List;
import java.util.Optional;

/**
 * The credentials a provider must carry (§4.2), checked in OpenShell's order:
 *
 * <ol>
 *   <li>no stored credential while the profile does not allow empty credentials: "provider.
 *       credentials must not be empty" (grpc/provider.rs:173-179), or, when the provider asks for
 *       runtime credentials, the CLI's "--runtime-credentials is only valid for provider profiles
 *       whose required credentials are resolved at runtime" (openshell-cli run.rs:3532-3537);
 *   <li>at most 32 credential keys: "provider.credentials exceeds maximum entries ({n} > 32)"
 *       ({@code validate_string_map}, grpc/validation.rs:317-327, limit grpc/mod.rs:154).
 * </ol>
 *
 * Only the first broken rule is reported, as OpenShell returns on the first.
 */
public final class ProviderCredentials {
  private ProviderCredentials() {}

  /** OpenShell's {@code MAX_PROVIDER_CREDENTIALS_ENTRIES}. */
  public static final int MAX_CREDENTIAL_ENTRIES = 32;

  /** OpenShell's text for a provider without credentials. */
  public static final String EMPTY_MESSAGE = "provider.credentials must not be empty";

  /** OpenShell's text for runtime credentials on a profile that needs stored ones. */
  public static final String RUNTIME_NOT_ALLOWED_MESSAGE =
      "--runtime-credentials is only valid for provider profiles whose required credentials are"
          + " resolved at runtime";

  /**
   * The first broken credential rule, or empty.
   *
   * @param credentialKeys the stored credential key names
   * @param runtimeCredentials the provider asks for credentials resolved at runtime
   * @param profileAllowsEmpty the provider's profile exists and allows empty credentials
   */
  public static Optional<Violation> check(
      List<String> credentialKeys, boolean runtimeCredentials, boolean profileAllowsEmpty) {
    if (credentialKeys.isEmpty() && !profileAllowsEmpty) {
      return Optional.of(
          runtimeCredentials
              ? Violation.error(
                  ViolationCode.RUNTIME_CREDENTIALS_NOT_ALLOWED,
                  "provider.credentials",
                  RUNTIME_NOT_ALLOWED_MESSAGE)
              : Violation.error(
                  ViolationCode.NO_CREDENTIALS, "provider.credentials", EMPTY_MESSAGE));
    }
    if (credentialKeys.size() > MAX_CREDENTIAL_ENTRIES) {
      return Optional.of(
          Violation.error(
              ViolationCode.TOO_MANY_CREDENTIALS,
              "provider.credentials",
              "provider.credentials exceeds maximum entries ("
                  + credentialKeys.size()
                  + " > "
                  + MAX_CREDENTIAL_ENTRIES
                  + ")"));
    }
    return Optional.empty();
  }
}
