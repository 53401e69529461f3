package io.openshell.policy;

/**
 * The closed vocabulary of rule violations. The operator maps each code to a condition reason, the
 * plugin prints it, the webhook denies with it. The CamelCase {@link #reason()} is what appears in
 * Kubernetes conditions.
 */
public enum ViolationCode {
  /** A file could not be parsed (§2.7 field {@code file}). */
  PARSE_ERROR("ParseError"),
  /** A provider profile breaks a lint rule of §2.2–2.6. */
  INVALID_PROFILE("Invalid"),
  /** A profile id collides with a built-in or an existing profile, or repeats in a batch. */
  PROFILE_CONFLICT("ProfileConflict"),
  /** A profile import/update would break an attached sandbox (§6.4). */
  PROFILE_FANOUT("ProfileFanOut"),
  /** A compare-and-set carried a stale or missing resource version. */
  STALE_RESOURCE_VERSION("StaleResourceVersion"),
  /** A built-in profile cannot be changed. */
  BUILTIN_READ_ONLY("BuiltinReadOnly"),
  /** The object is in use and cannot be deleted (§4.4, §8). */
  IN_USE("InUse"),
  /** An attached provider does not exist (§5.2). */
  PROVIDER_NOT_FOUND("ProviderNotFound"),
  /**
   * Warning: an attached provider's type has no profile, so it contributes no policy layer (§5.2
   * step 3).
   */
  PROFILELESS_PROVIDER("ProfilelessProvider"),
  /** More than 32 providers (§8 Attach). */
  TOO_MANY_PROVIDERS("TooManyProviders"),
  /** Two providers offer the same credential env key (§6.2). */
  DUPLICATE_CREDENTIAL_ENV_KEY("DuplicateCredentialEnvKey"),
  /** Two dynamic token grants match the same request (§6.3). */
  AMBIGUOUS_TOKEN_GRANT("AmbiguousTokenGrant"),
  /** Two endpoints overlap with conflicting metadata (§6.1). */
  AMBIGUOUS_ENDPOINTS("AmbiguousEndpoints"),
  /** A credentialed endpoint is L4-only or {@code tls: skip} without opt-in (§5.7). */
  UNINSPECTED_CREDENTIALED_ENDPOINT("UninspectedCredentialedEndpoint"),
  /** A {@code credential_binding} is invalid (§5.8). */
  INVALID_CREDENTIAL_BINDING("InvalidCredentialBinding"),
  /** The policy fails gateway validation (§1.6). */
  INVALID_POLICY("InvalidPolicy"),
  /** A user policy uses a reserved {@code _provider_} key (§5.5). */
  RESERVED_KEY_PREFIX("ReservedKeyPrefix"),
  /** A sandbox policy change while a global policy is active. */
  GLOBAL_POLICY_ACTIVE("GlobalPolicyActive"),
  /** A provider stores no credentials and its profile does not allow that (§4.2). */
  NO_CREDENTIALS("NoCredentials"),
  /** Runtime credentials on a provider whose profile cannot resolve them at runtime (§4.2). */
  RUNTIME_CREDENTIALS_NOT_ALLOWED("RuntimeCredentialsNotAllowed"),
  /** A provider stores more than 32 credential keys (§4.2). */
  TOO_MANY_CREDENTIALS("TooManyCredentials"),
  /** A provider's type differs from the one it was created with (§4.2: immutable). */
  PROVIDER_TYPE_CHANGED("ProviderTypeChanged");

  private final String reason;

  ViolationCode(String reason) {
    this.reason = reason;
  }

  /** CamelCase condition reason. */
  public String reason() {
    return reason;
  }
}
