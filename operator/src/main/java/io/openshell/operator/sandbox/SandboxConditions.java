package io.openshell.operator.sandbox;

/** The Sandbox condition types and their reason vocabularies (api.md, Sandbox status). */
public final class SandboxConditions {
  private SandboxConditions() {}

  public static final String PROVIDERS_RESOLVED = "ProvidersResolved";
  public static final String POLICY_COMPOSED = "PolicyComposed";
  public static final String POLICY_APPLIED = "PolicyApplied";
  public static final String READY = "Ready";

  public static final String RESOLVED = "Resolved";
  public static final String PROVIDER_NOT_FOUND = "ProviderNotFound";

  public static final String COMPOSED = "Composed";
  public static final String PROVIDERS_V2_DISABLED = "ProvidersV2Disabled";
  public static final String GLOBAL_POLICY_ACTIVE = "GlobalPolicyActive";
  public static final String PROVIDERS_UNRESOLVED = "ProvidersUnresolved";

  public static final String APPLIED = "Applied";
  public static final String PENDING = "Pending";
  public static final String NO_POD = "NoPod";

  public static final String READY_REASON = "Ready";
}
