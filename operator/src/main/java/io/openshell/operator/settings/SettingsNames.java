package io.openshell.operator.settings;

/** Names of the settings singleton. */
public final class SettingsNames {
  private SettingsNames() {}

  /** The only OpenShellSettings object that takes effect. */
  public static final String SINGLETON = "cluster";
}
