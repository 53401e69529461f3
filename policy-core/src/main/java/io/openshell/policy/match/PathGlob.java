package io.openshell.policy.match;

import java.util.List;
import java.util.Optional;

/**
 * HTTP path selectors of endpoints (§1.3, §6.1): globs with {@code ?}, {@code [..]}, {@code [!..]},
 * and {@code *} / {@code **} that may both cross {@code /}. {@code ""}, {@code **} and {@code /**}
 * select every path.
 */
public final class PathGlob {
  private PathGlob() {}

  /** {@code ""}, {@code **} and {@code /**}: the selectors that match every path. */
  public static boolean matchesAll(String path) {
    return path.isEmpty() || path.equals("**") || path.equals("/**");
  }

  /**
   * Whether some request path matches both selectors (§6.1): true when either matches all paths,
   * else the intersection of the two glob languages is non-empty. An invalid glob is treated as
   * overlapping (conservative; policy validation rejects it anyway). {@code /v?} overlaps {@code
   * /v1}; {@code /v[12]} does not overlap {@code /v[34]}. Equal selectors are not assumed to
   * overlap: {@code /[z-a]} matches nothing, so two of them do not (ambiguity.rs:406-415, 638-644).
   */
  public static boolean overlaps(String left, String right) {
    if (matchesAll(left) || matchesAll(right)) {
      return true;
    }
    Optional<List<GlobLanguage.Token>> l = GlobLanguage.pathTokens(left);
    Optional<List<GlobLanguage.Token>> r = GlobLanguage.pathTokens(right);
    if (l.isEmpty() || r.isEmpty()) {
      return true;
    }
    return GlobLanguage.intersect(l.get(), r.get());
  }

  /**
   * Whether {@code path} (a concrete request path) matches the glob {@code pattern} as the {@code
   * glob} crate does ({@code []a]} is a class); false when the pattern is not a valid glob.
   */
  public static boolean globMatches(String pattern, String path) {
    Optional<List<GlobLanguage.Token>> p = GlobLanguage.pathTokens(pattern, true);
    return p.isPresent() && GlobLanguage.intersect(p.get(), GlobLanguage.literalTokens(path));
  }

  /**
   * Route-selection rank of a path selector (§6.1): the number of characters other than {@code *};
   * {@code ""} ranks 0. Overlapping endpoints of different rank do not compete: the more specific
   * one wins.
   */
  public static int specificity(String path) {
    int count = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) != '*') {
        count++;
      }
    }
    return count;
  }
}
