package io.openshell.crds;

/**
 * The one condition vocabulary of every {@code openshell.io} kind: condition types and their
 * CamelCase reasons (api.md). The operator sets them, the plugin and tests read them. Reasons that
 * come from a policy-core rule use {@code ViolationCode.reason()} and are repeated here so that the
 * whole vocabulary is visible in one place.
 */
public final class Conditions {
  private Conditions() {}

  /**
   * {@code Ready=False}: the stored spec holds values this version cannot read; the message names
   * each field and what it must be. Nothing is derived from the object until it is fixed.
   */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  /**
   * {@code Ready=False}: the last reconcile failed with an API or runtime error (the message is the
   * cause); it is retried with back-off.
   */
  public static final String REASON_RECONCILE_FAILED = "ReconcileFailed";

  /** Condition status values. */
  public static final String TRUE = "True";

  public static final String FALSE = "False";

  // ---- shared ----

  /** Every kind: the object is fully reconciled and usable. */
  public static final String READY = "Ready";

  /** Ready=False while a delete waits for users to go away (finalizer in-use protection). */
  public static final String REASON_IN_USE = "InUse";

  // ---- ProviderProfile ----

  /** ProviderProfile: the lint result (all rules of OpenShell's profile lint). */
  public static final String ACCEPTED = "Accepted";

  /** Accepted=True: no lint error. */
  public static final String REASON_VALID = "Valid";

  /** Accepted=False: at least one lint error (see status.diagnostics). */
  public static final String REASON_INVALID = "Invalid";

  // ---- Provider ----

  /** Provider: the type resolved to a profile (or is legitimately profileless). */
  public static final String PROFILE_RESOLVED = "ProfileResolved";

  /** Provider: the credentials Secret was found and is labelled for use. */
  public static final String CREDENTIALS_RESOLVED = "CredentialsResolved";

  /** ProfileResolved=True: the type names a profile. */
  public static final String REASON_PROFILE_FOUND = "ProfileFound";

  /** ProfileResolved=True with a note: the type has no profile, the provider adds no layer. */
  public static final String REASON_NO_PROFILE = "NoProfile";

  /** CredentialsResolved=True: the Secret exists and carries the opt-in label. */
  public static final String REASON_SECRET_FOUND = "SecretFound";

  /** CredentialsResolved=True: runtimeCredentials and the profile mints them. */
  public static final String REASON_RUNTIME_CREDENTIALS = "RuntimeCredentials";

  /** CredentialsResolved=False: the referenced Secret does not exist. */
  public static final String REASON_SECRET_NOT_FOUND = "SecretNotFound";

  /** CredentialsResolved=False: runtimeCredentials on a profile that cannot mint them. */
  public static final String REASON_RUNTIME_CREDENTIALS_NOT_ALLOWED =
      "RuntimeCredentialsNotAllowed";

  /** CredentialsResolved=False: no Secret keys and no runtime credentials (OpenShell §4.2). */
  public static final String REASON_NO_CREDENTIALS = "NoCredentials";

  // ---- Sandbox ----

  /** Sandbox: every attached provider exists. */
  public static final String PROVIDERS_RESOLVED = "ProvidersResolved";

  /** Sandbox: the effective policy was composed and passed every check. */
  public static final String POLICY_COMPOSED = "PolicyComposed";

  /** Sandbox: the pod's sidecar reports the current policy hash. */
  public static final String POLICY_APPLIED = "PolicyApplied";

  /** ProvidersResolved=True. */
  public static final String REASON_RESOLVED = "Resolved";

  /** ProvidersResolved=False: OpenShell's "provider '{n}' not found". */
  public static final String REASON_PROVIDER_NOT_FOUND = "ProviderNotFound";

  /** PolicyComposed=True: provider layers composed. */
  public static final String REASON_COMPOSED = "Composed";

  /** PolicyComposed=True: providersV2Enabled is false, no layers. */
  public static final String REASON_PROVIDERS_V2_DISABLED = "ProvidersV2Disabled";

  /** PolicyComposed=True: the global policy is delivered, layers suppressed. */
  public static final String REASON_GLOBAL_POLICY_ACTIVE = "GlobalPolicyActive";

  /** PolicyComposed=False: two providers offer the same credential env key (§6.2). */
  public static final String REASON_DUPLICATE_CREDENTIAL_ENV_KEY = "DuplicateCredentialEnvKey";

  /** PolicyComposed=False: two token grants match the same request (§6.3). */
  public static final String REASON_AMBIGUOUS_TOKEN_GRANT = "AmbiguousTokenGrant";

  /** PolicyComposed=False: overlapping endpoints with conflicting metadata (§6.1). */
  public static final String REASON_AMBIGUOUS_ENDPOINTS = "AmbiguousEndpoints";

  /** PolicyComposed=False: credentialed L4 or tls: skip endpoint without opt-in (§5.7). */
  public static final String REASON_UNINSPECTED_CREDENTIALED_ENDPOINT =
      "UninspectedCredentialedEndpoint";

  /** PolicyComposed=False: an invalid credentialBinding (§5.8). */
  public static final String REASON_INVALID_CREDENTIAL_BINDING = "InvalidCredentialBinding";

  /** PolicyComposed=False: the policy fails gateway validation (§1.6). */
  public static final String REASON_INVALID_POLICY = "InvalidPolicy";

  /** PolicyComposed=False: a _provider_ key in the user policy (§5.5). */
  public static final String REASON_RESERVED_KEY_PREFIX = "ReservedKeyPrefix";

  /** PolicyComposed=False: ProvidersResolved is False. */
  public static final String REASON_PROVIDERS_UNRESOLVED = "ProvidersUnresolved";

  /** PolicyApplied=True: the pod reports the current hash. */
  public static final String REASON_APPLIED = "Applied";

  /** PolicyApplied=False: the pod reports another hash or none yet. */
  public static final String REASON_PENDING = "Pending";

  /** PolicyApplied=False: the sandbox has no podTemplate (nothing enforces the policy here). */
  public static final String REASON_NO_POD = "NoPod";

  // ---- OpenShellSettings ----

  /** OpenShellSettings: every sandbox is re-composed for this generation. */
  public static final String APPLIED = "Applied";

  /** Applied=False while sandboxes are still being re-composed. */
  public static final String REASON_RECOMPOSING = "Recomposing";

  /** Applied=False on an OpenShellSettings object other than the singleton {@code cluster}. */
  public static final String REASON_IGNORED = "Ignored";
}
