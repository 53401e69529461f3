package io.openshell.operator.webhook;

import io.openshell.policy.Violation;
import java.util.List;

/**
 * The webhook's answer to one request.
 *
 * @param allowed whether the change may be stored
 * @param message why it was refused: a first line naming what was refused, then OpenShell's
 *     message(s); empty when allowed
 * @param warnings non-fatal notes returned to kubectl (for example a provider that does not exist
 *     yet)
 */
public record AdmissionDecision(boolean allowed, String message, List<String> warnings) {
  public AdmissionDecision {
    warnings = List.copyOf(warnings);
  }

  static AdmissionDecision allow() {
    return new AdmissionDecision(true, "", List.of());
  }

  static AdmissionDecision allow(List<String> warnings) {
    return new AdmissionDecision(true, "", warnings);
  }

  /** Refused: {@code what} says what was refused, the violations say why. */
  static AdmissionDecision deny(String what, List<Violation> violations) {
    StringBuilder sb = new StringBuilder(what);
    for (Violation v : violations) {
      if (!v.isError()) {
        continue;
      }
      sb.append('\n');
      if (!v.field().isEmpty()) {
        sb.append(v.field()).append(": ");
      }
      sb.append(v.message());
    }
    return new AdmissionDecision(false, sb.toString(), List.of());
  }
}
