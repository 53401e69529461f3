package io.openshell.policy;

/** Diagnostic severity: any {@link #ERROR} makes an input invalid; warnings are informational. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word OpenShell prints ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
