package io.openshell.plugin;

/**
 * A refused or failed operation: exit code 1, a first line that says what was refused, then
 * OpenShell's message (which may span lines).
 */
public final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String what;

  /**
   * @param what what was refused, e.g. {@code attach provider 'p' to sandbox 's' refused}
   * @param message OpenShell's message for the rule
   */
  public Refused(String what, String message) {
    super(message);
    this.what = what;
  }

  /** The first line printed. */
  public String what() {
    return what;
  }
}
