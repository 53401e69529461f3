package io.openshell.policy.match;

/**
 * Path selectors of credential bindings and token grants (§1.3 "Path match", §6.3): {@code ""},
 * {@code **}, {@code /**} match any path; {@code X/**} matches {@code X} and its descendants;
 * anything else is a glob.
 */
public final class EndpointPath {
  private EndpointPath() {}

  /** Whether the concrete request {@code path} is selected by {@code pattern}. */
  public static boolean matches(String pattern, String path) {
    if (PathGlob.matchesAll(pattern) || pattern.equals(path)) {
      return true;
    }
    if (pattern.endsWith("/**")) {
      String prefix = pattern.substring(0, pattern.length() - 3);
      return path.equals(prefix) || path.startsWith(prefix + "/");
    }
    return PathGlob.globMatches(pattern, path);
  }

  /**
   * Whether two token-grant path selectors can select the same request (§6.3): any match-all
   * selector overlaps; a selector without {@code *} is matched as a path against the other; two
   * {@code X/**} prefixes overlap iff equal or nested; other glob pairs conservatively overlap.
   */
  public static boolean canOverlap(String first, String second) {
    if (PathGlob.matchesAll(first) || PathGlob.matchesAll(second)) {
      return true;
    }
    if (first.indexOf('*') < 0) {
      return matches(second, first);
    }
    if (second.indexOf('*') < 0) {
      return matches(first, second);
    }
    if (first.endsWith("/**") && second.endsWith("/**")) {
      String a = first.substring(0, first.length() - 3);
      String b = second.substring(0, second.length() - 3);
      return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }
    return true;
  }

  /**
   * Token-grant path specificity (§6.3): 0 for {@code ""} and {@code **}, else 1,000,000 plus the
   * number of characters other than {@code *} (so {@code /**} scores above {@code ""} although both
   * match every path).
   */
  public static long specificity(String path) {
    if (path.isEmpty() || path.equals("**")) {
      return 0;
    }
    return 1_000_000L + PathGlob.specificity(path);
  }
}
