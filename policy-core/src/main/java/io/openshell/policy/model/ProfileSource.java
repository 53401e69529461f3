package io.openshell.policy.model;

/** Where a catalog profile comes from. Built-ins are read-only (§2.2 reserved ids). */
public enum ProfileSource {
  BUILTIN("builtin"),
  USER("user");

  private final String label;

  ProfileSource(String label) {
    this.label = label;
  }

  /** The source label OpenShell prints and the {@code openshell.io/source} label value. */
  public String label() {
    return label;
  }
}
