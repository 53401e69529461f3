package io.openshell.policy;

import java.util.Objects;

/**
 * One broken rule: the single result type every consumer (operator status, admission webhook,
 * kubectl plugin, policy agent) reports. {@link #message()} is OpenShell's exact text for the rule;
 * {@link #field()} is OpenShell's field path ({@code credentials.env_vars}, {@code
 * endpoints[0].allow_uninspected_credentials}) or empty when the rule is not about one field.
 *
 * @param code the rule
 * @param severity error or warning
 * @param field OpenShell field path, or {@code ""}
 * @param message OpenShell's message
 */
public record Violation(ViolationCode code, Severity severity, String field, String message) {
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** An error-severity violation. */
  public static Violation error(ViolationCode code, String field, String message) {
    return new Violation(code, Severity.ERROR, field, message);
  }

  /** A warning-severity violation. */
  public static Violation warning(ViolationCode code, String field, String message) {
    return new Violation(code, Severity.WARNING, field, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
