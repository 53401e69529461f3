package io.openshell.policy.lint;

import java.util.Set;

/**
 * What profile lint needs to know about stored profiles to run OpenShell's conflict checks (§2.7
 * step 3).
 *
 * @param builtinIds ids of the built-in (static, read-only) profiles
 * @param customIds ids of custom profiles already stored in the scope being written
 * @param platformIds ids stored at platform (cluster) scope, when the scope being written is a
 *     workspace (namespace); empty for a platform-scope write
 */
public record LintContext(Set<String> builtinIds, Set<String> customIds, Set<String> platformIds) {
  /** No stored profiles at all: only the profiles' own rules apply. */
  public static final LintContext EMPTY = new LintContext(Set.of(), Set.of(), Set.of());

  public LintContext {
    builtinIds = Set.copyOf(builtinIds);
    customIds = Set.copyOf(customIds);
    platformIds = Set.copyOf(platformIds);
  }

  /** A platform-scope context: built-ins and the custom profiles stored there. */
  public static LintContext of(Set<String> builtinIds, Set<String> customIds) {
    return new LintContext(builtinIds, customIds, Set.of());
  }
}
