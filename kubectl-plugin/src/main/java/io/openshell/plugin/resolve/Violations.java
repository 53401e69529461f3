package io.openshell.plugin.resolve;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.validate.PolicyValidator;
import java.util.List;
import java.util.stream.Collectors;

/** policy-core's findings as the plugin prints them after the first line of a refusal. */
public final class Violations {
  private Violations() {}

  /** The error messages, one per line. */
  public static String messages(List<Violation> violations) {
    return violations.stream()
        .filter(Violation::isError)
        .map(Violation::message)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The findings of a policy check ({@code PolicyEngine.checkUserPolicy}/{@code
   * checkGlobalPolicy}), which stop at the first failing stage: gateway validation findings as
   * OpenShell words them ("policy contains unsafe content: a; b"), others one per line.
   */
  public static String ofPolicyCheck(List<Violation> violations) {
    List<Violation> errors = violations.stream().filter(Violation::isError).toList();
    if (!errors.isEmpty()
        && errors.stream().allMatch(v -> v.code() == ViolationCode.INVALID_POLICY)) {
      return PolicyValidator.summary(errors);
    }
    return messages(errors);
  }
}
