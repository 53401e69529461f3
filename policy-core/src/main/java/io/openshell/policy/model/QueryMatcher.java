package io.openshell.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value matcher for query parameters and MCP tool/params selectors (§1.5): a glob, or any of
 * several globs. OpenShell writes a glob-only matcher as a bare string.
 *
 * @param glob the glob, when given
 * @param any alternative globs; empty when not given
 */
public record QueryMatcher(Optional<String> glob, List<String> any) {
  public QueryMatcher {
    Objects.requireNonNull(glob, "glob");
    any = Checks.list(any, "any");
  }

  public static QueryMatcher glob(String glob) {
    return new QueryMatcher(Optional.of(glob), List.of());
  }

  public static QueryMatcher anyOf(List<String> globs) {
    return new QueryMatcher(Optional.empty(), globs);
  }
}
