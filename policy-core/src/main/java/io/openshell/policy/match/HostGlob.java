package io.openshell.policy.match;

import io.openshell.policy.validate.RustText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host selectors (§1.3): case-insensitive globs where {@code *} stands for characters within one
 * DNS label and {@code **} for any characters, dots included.
 */
public final class HostGlob {
  private HostGlob() {}

  /**
   * Whether some host matches both selectors — the overlap test of endpoint ambiguity (§6.1) and of
   * credential stamping (§5.4). An empty host overlaps everything. {@code *.example.com} overlaps
   * {@code api.*.com}; {@code *.api.example.com} does not overlap {@code *.example.com} because one
   * {@code *} cannot span a dot.
   */
  public static boolean overlaps(String left, String right) {
    if (left.isEmpty() || right.isEmpty()) {
      return true;
    }
    boolean leftWild = left.indexOf('*') >= 0;
    boolean rightWild = right.indexOf('*') >= 0;
    if (!leftWild && !rightWild) {
      return RustText.eqIgnoreAsciiCase(left, right);
    }
    // Cheap necessary condition, no allocation: a host matching both selectors starts with both
    // literal prefixes (before the first '*') and ends with both literal suffixes (after the last
    // '*'), so each prefix must extend the other, and likewise each suffix.
    if (!literalEndsCompatible(left, right)) {
      return false;
    }
    return GlobLanguage.intersect(tokens(left), tokens(right));
  }

  /**
   * Host selector tokens by selector text: the ambiguity check compares the same selectors pair by
   * pair. Tokens are immutable; the map is cleared when it grows past its bound.
   */
  private static final Map<String, List<GlobLanguage.Token>> TOKENS = new ConcurrentHashMap<>();

  private static final int TOKENS_BOUND = 4096;

  private static List<GlobLanguage.Token> tokens(String selector) {
    List<GlobLanguage.Token> cached = TOKENS.get(selector);
    if (cached != null) {
      return cached;
    }
    List<GlobLanguage.Token> tokens =
        List.copyOf(GlobLanguage.hostTokens(RustText.asciiLower(selector)));
    if (TOKENS.size() >= TOKENS_BOUND) {
      TOKENS.clear();
    }
    TOKENS.put(selector, tokens);
    return tokens;
  }

  private static boolean literalEndsCompatible(String a, String b) {
    int aFirst = a.indexOf('*');
    int bFirst = b.indexOf('*');
    int aPrefix = aFirst < 0 ? a.length() : aFirst;
    int bPrefix = bFirst < 0 ? b.length() : bFirst;
    if (!a.regionMatches(true, 0, b, 0, Math.min(aPrefix, bPrefix))) {
      return false;
    }
    int aSuffix = a.length() - (a.lastIndexOf('*') + 1);
    int bSuffix = b.length() - (b.lastIndexOf('*') + 1);
    int n = Math.min(aSuffix, bSuffix);
    return a.regionMatches(true, a.length() - n, b, b.length() - n, n);
  }

  /**
   * Label-wise match of a token-grant host selector against a concrete host (§6.3): {@code *} is
   * exactly one whole label, {@code **} any number of labels (including none, as OpenShell's
   * recursive matcher allows); other labels compare literally (case-insensitive). Equal strings
   * always match.
   */
  public static boolean labelMatches(String pattern, String host) {
    String p = RustText.asciiLower(pattern);
    String h = RustText.asciiLower(host);
    if (p.equals(h)) {
      return true;
    }
    if (p.indexOf('*') < 0) {
      return false;
    }
    return labelsMatch(p.split("\\.", -1), 0, h.split("\\.", -1), 0);
  }

  private static boolean labelsMatch(String[] p, int pi, String[] h, int hi) {
    if (pi == p.length) {
      return hi == h.length;
    }
    String label = p[pi];
    if (label.equals("**")) {
      return labelsMatch(p, pi + 1, h, hi) || (hi < h.length && labelsMatch(p, pi, h, hi + 1));
    }
    if (hi == h.length) {
      return false;
    }
    if (label.equals("*") || label.equals(h[hi])) {
      return labelsMatch(p, pi + 1, h, hi + 1);
    }
    return false;
  }

  /**
   * Whether two token-grant host selectors can match the same host (§6.3), label-wise: a concrete
   * host is matched against the other selector; two wildcard selectors are compared label by label
   * ({@code *} equals any label, {@code **} absorbs any number of labels).
   */
  public static boolean labelsCanOverlap(String first, String second) {
    String a = RustText.asciiLower(first);
    String b = RustText.asciiLower(second);
    if (a.indexOf('*') < 0) {
      return labelMatches(b, a);
    }
    if (b.indexOf('*') < 0) {
      return labelMatches(a, b);
    }
    return labelsOverlap(a.split("\\.", -1), 0, b.split("\\.", -1), 0);
  }

  private static boolean labelsOverlap(String[] a, int ai, String[] b, int bi) {
    boolean aEnd = ai == a.length;
    boolean bEnd = bi == b.length;
    if (aEnd && bEnd) {
      return true;
    }
    if (aEnd) {
      return b[bi].equals("**") && labelsOverlap(a, ai, b, bi + 1);
    }
    if (bEnd) {
      return a[ai].equals("**") && labelsOverlap(a, ai + 1, b, bi);
    }
    if (a[ai].equals("**")) {
      return labelsOverlap(a, ai + 1, b, bi) || labelsOverlap(a, ai, b, bi + 1);
    }
    if (b[bi].equals("**")) {
      return labelsOverlap(a, ai, b, bi + 1) || labelsOverlap(a, ai + 1, b, bi);
    }
    return (a[ai].equals("*") || b[bi].equals("*") || a[ai].equals(b[bi]))
        && labelsOverlap(a, ai + 1, b, bi + 1);
  }
}
