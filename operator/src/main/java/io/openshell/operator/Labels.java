package io.openshell.operator;

/** Label, annotation and finalizer names the operator reads and writes (the API contract's). */
public final class Labels {
  private Labels() {}

  /** On Secrets: opt-in for the operator to read the key names. */
  public static final String PROVIDER_CREDENTIALS = "openshell.io/provider-credentials";

  /** Selector of the Secrets the operator watches. */
  public static final String PROVIDER_CREDENTIALS_SELECTOR = PROVIDER_CREDENTIALS + "=true";

  /** On profiles: {@code builtin} or {@code user}. */
  public static final String SOURCE = "openshell.io/source";

  /** On owned objects. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String MANAGED_BY_VALUE = "openshell-operator";

  /** Selector of the objects the operator owns. */
  public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE;

  /** On owned objects: the sandbox they belong to. */
  public static final String SANDBOX = "openshell.io/sandbox";

  /** On the sandbox Pod: hash of the rendered pod spec, to detect template changes. */
  public static final String POD_SPEC_HASH = "openshell.io/pod-spec-hash";

  /**
   * Annotation on a Provider: the type it was first reconciled with. The type is immutable; where
   * no schema or webhook stops a change, the operator keeps this one (see ProviderTypeChange).
   */
  public static final String PROVIDER_TYPE = "openshell.io/provider-type";

  /** Finalizer of providers and profiles that blocks deletion while in use. */
  public static final String IN_USE_FINALIZER = "openshell.io/in-use-protection";
}
