package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of composing and checking a sandbox: either a deliverable policy or the violations
 * that stop it. A rejected candidate never replaces the last good policy (never widen access on bad
 * input).
 */
public sealed interface CompositionResult {

  /** The candidate passed every check. */
  record Composed(EffectivePolicy effective) implements CompositionResult {
    public Composed {
      Objects.requireNonNull(effective, "effective");
    }
  }

  /**
   * The candidate broke at least one rule.
   *
   * @param violations every error found (at least one), most fundamental first
   * @param layers what each provider would have contributed, for status reporting
   */
  record Rejected(List<Violation> violations, List<Layer> layers) implements CompositionResult {
    public Rejected {
      violations = List.copyOf(violations);
      layers = List.copyOf(layers);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one violation");
      }
    }
  }
}
