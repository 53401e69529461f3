package io.openshell.policy.validate;

import io.openshell.policy.Violation;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;

/**
 * OpenShell's gateway policy validation (§1.6). Placeholder signature; implemented by the
 * validation work package.
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** Every violation of §1.6 in {@code policy}, code {@code INVALID_POLICY}; empty when valid. */
  public static List<Violation> validate(SandboxPolicy policy) {
    throw new UnsupportedOperationException("validation work package");
  }
}
