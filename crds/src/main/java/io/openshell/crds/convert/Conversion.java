package io.openshell.crds.convert;

import io.openshell.policy.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The result of converting between a custom resource and a policy-core record: the converted value
 * and what the conversion noticed. Warnings (a dropped deprecated {@code harness} flag) leave the
 * value usable; with an error (an enum value policy-core cannot represent, an unparsable time) the
 * value is a best effort that must not be stored or composed.
 *
 * @param value the converted value
 * @param violations OpenShell-style diagnostics, in field order
 * @param <T> the target type
 */
public record Conversion<T>(T value, List<Violation> violations) {
  public Conversion {
    Objects.requireNonNull(value, "value");
    violations = List.copyOf(violations);
  }

  /** True when a violation is an error: the value must not be used. */
  public boolean hasErrors() {
    return violations.stream().anyMatch(Violation::isError);
  }
}
