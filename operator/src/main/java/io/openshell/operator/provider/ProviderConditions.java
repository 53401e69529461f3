package io.openshell.operator.provider;

/** The Provider condition types and reasons (api.md, Provider status). */
public final class ProviderConditions {
  private ProviderConditions() {}

  public static final String PROFILE_RESOLVED = "ProfileResolved";
  public static final String CREDENTIALS_RESOLVED = "CredentialsResolved";
  public static final String READY = "Ready";

  public static final String RESOLVED = "Resolved";
  public static final String PROFILE_NOT_FOUND = "ProfileNotFound";
  public static final String RUNTIME_CREDENTIALS = "RuntimeCredentials";
  public static final String RUNTIME_CREDENTIALS_NOT_ALLOWED = "RuntimeCredentialsNotAllowed";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String NO_CREDENTIALS = "NoCredentials";
  public static final String READY_REASON = "Ready";
  public static final String IN_USE = "InUse";

  /** How many sandbox names {@code status.attachedTo} lists at most. */
  public static final int MAX_ATTACHED_TO = 50;
}
