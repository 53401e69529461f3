package io.openshell.plugin.kube;

/** The operator's API group ({@code openshell.io/v1alpha1}) and well-known names. */
public final class Kinds {
  public static final String GROUP = "openshell.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The settings singleton's name. */
  public static final String SETTINGS_NAME = "cluster";

  /** Label that marks a profile's source ({@code builtin} or {@code user}). */
  public static final String SOURCE_LABEL = "openshell.io/source";

  private Kinds() {}
}
