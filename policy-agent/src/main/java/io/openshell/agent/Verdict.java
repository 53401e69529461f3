package io.openshell.agent;

/** The outcome of verifying one ConfigMap version: usable, or refused with a reason. */
sealed interface Verdict permits Verdict.Valid, Verdict.Invalid {

  /** The version passed every check. */
  record Valid(PolicyVersion version) implements Verdict {}

  /**
   * The version was refused.
   *
   * @param detail a message that never contains policy or metadata content
   */
  record Invalid(RejectReason reason, String detail) implements Verdict {}
}
