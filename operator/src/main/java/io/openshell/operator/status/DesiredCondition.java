package io.openshell.operator.status;

import io.openshell.crds.Conditions;
import java.util.Objects;

/**
 * A condition as a reconcile decides it, before timestamps are applied.
 *
 * @param type condition type ({@code Ready}, {@code PolicyComposed}, ...)
 * @param status true, false (unknown is not used: the operator always decides)
 * @param reason CamelCase reason from the kind's vocabulary
 * @param message human text; OpenShell's message where the rule has one
 */
public record DesiredCondition(String type, boolean status, String reason, String message) {
  public DesiredCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static DesiredCondition isTrue(String type, String reason, String message) {
    return new DesiredCondition(type, true, reason, message);
  }

  public static DesiredCondition isFalse(String type, String reason, String message) {
    return new DesiredCondition(type, false, reason, message);
  }

  /** {@code True} or {@code False}, as Kubernetes writes it. */
  public String statusText() {
    return status ? Conditions.TRUE : Conditions.FALSE;
  }
}
