package io.openshell.policy.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenShell's DNS-label host patterns ({@code openshell_core::host_pattern}, core/host_pattern.rs),
 * used where the gateway stamps credentialed endpoints and resolves SigV4 credential sources. A
 * pattern is ASCII-lowercased and split on {@code .}; each label is {@code **} (one or more labels)
 * or a {@code glob} crate pattern ({@code *}, {@code ?}, {@code [...]} / {@code [!...]}). Invalid
 * patterns: empty, containing white space or braces, with an empty label, or with a label the glob
 * crate refuses (an unclosed {@code [}, {@code **} inside a label).
 *
 * <p>Not the ambiguity engine's host glob ({@link HostGlob}): there {@code ?} is literal and an
 * empty host matches everything.
 */
public final class HostPattern {
  private final List<Label> labels;
  private final String source;
  private final boolean allLiteral;

  /**
   * Parsed patterns by source text: the same hosts are parsed for every endpoint of every
   * composition. Patterns are immutable; the map is cleared when it grows past its bound.
   */
  private static final Map<String, Optional<HostPattern>> PARSED = new ConcurrentHashMap<>();

  private static final int PARSED_BOUND = 4096;

  private HostPattern(String source, List<Label> labels) {
    this.source = source;
    this.labels = labels;
    boolean literal = true;
    for (Label l : labels) {
      literal &= l.literal;
    }
    this.allLiteral = literal;
  }

  /** The parsed pattern, or empty when OpenShell's {@code HostPattern::new} would refuse it. */
  public static Optional<HostPattern> parse(String pattern) {
    Optional<HostPattern> cached = PARSED.get(pattern);
    if (cached != null) {
      return cached;
    }
    Optional<HostPattern> parsed = parseUncached(pattern);
    if (PARSED.size() >= PARSED_BOUND) {
      PARSED.clear();
    }
    PARSED.put(pattern, parsed);
    return parsed;
  }

  private static Optional<HostPattern> parseUncached(String pattern) {
    if (pattern.isEmpty()
        || pattern.codePoints().anyMatch(HostPattern::isWhiteSpace)
        || pattern.indexOf('{') >= 0
        || pattern.indexOf('}') >= 0) {
      return Optional.empty();
    }
    String source = asciiLower(pattern);
    List<Label> labels = new ArrayList<>();
    for (String label : source.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.empty();
      }
      if (label.equals("**")) {
        labels.add(Label.RECURSIVE);
        continue;
      }
      Optional<List<Token>> tokens = tokens(label);
      if (tokens.isEmpty()) {
        return Optional.empty();
      }
      labels.add(
          new Label(label, tokens.get(), label.chars().noneMatch(c -> "*?[".indexOf(c) >= 0)));
    }
    return Optional.of(new HostPattern(source, List.copyOf(labels)));
  }

  /**
   * {@code host_patterns_overlap(left, right).unwrap_or(false)}: whether some host matches both;
   * false when either pattern is invalid.
   */
  public static boolean overlapsOrFalse(String left, String right) {
    Optional<HostPattern> l = parse(left);
    Optional<HostPattern> r = parse(right);
    return l.isPresent() && r.isPresent() && l.get().overlaps(r.get());
  }

  /** {@code host_matches(pattern, host).unwrap_or(false)}. */
  public static boolean matchesOrFalse(String pattern, String host) {
    return parse(pattern).map(p -> p.matches(host)).orElse(false);
  }

  /** The lower-cased pattern when every label is literal. */
  public Optional<String> literal() {
    return allLiteral ? Optional.of(source) : Optional.empty();
  }

  /** Whether {@code host} matches (labels compared ASCII case-insensitively). */
  public boolean matches(String host) {
    String[] parts = asciiLower(host).split("\\.", -1);
    for (String p : parts) {
      if (p.isEmpty()) {
        return false;
      }
    }
    Set<Long> visited = new HashSet<>();
    ArrayDeque<int[]> pending = new ArrayDeque<>();
    pending.push(new int[] {0, 0});
    while (!pending.isEmpty()) {
      int[] s = pending.pop();
      int pi = s[0];
      int hi = s[1];
      if (!visited.add(((long) pi << 32) | hi)) {
        continue;
      }
      if (pi == labels.size() && hi == parts.length) {
        return true;
      }
      if (pi >= labels.size() || hi >= parts.length) {
        continue;
      }
      Label label = labels.get(pi);
      if (label == Label.RECURSIVE) {
        pending.push(new int[] {pi + 1, hi + 1});
        pending.push(new int[] {pi, hi + 1});
      } else if (matchTokens(label.tokens, 0, parts[hi], 0)) {
        pending.push(new int[] {pi + 1, hi + 1});
      }
    }
    return false;
  }

  /** {@code HostPattern::overlaps}: each step consumes one shared label. */
  public boolean overlaps(HostPattern other) {
    if (allLiteral && other.allLiteral) {
      // label by label equality of lower-cased literal labels: the same text
      return source.equals(other.source);
    }
    Set<Long> visited = new HashSet<>();
    ArrayDeque<int[]> pending = new ArrayDeque<>();
    pending.add(new int[] {0, 0});
    while (!pending.isEmpty()) {
      int[] s = pending.poll();
      int li = s[0];
      int ri = s[1];
      if (!visited.add(((long) li << 32) | ri)) {
        continue;
      }
      if (li == labels.size() && ri == other.labels.size()) {
        return true;
      }
      if (li >= labels.size() || ri >= other.labels.size()) {
        continue;
      }
      Label l = labels.get(li);
      Label r = other.labels.get(ri);
      if (l == Label.RECURSIVE && r == Label.RECURSIVE) {
        pending.add(new int[] {li + 1, ri + 1});
        pending.add(new int[] {li, ri + 1});
        pending.add(new int[] {li + 1, ri});
      } else if (l == Label.RECURSIVE) {
        pending.add(new int[] {li + 1, ri + 1});
        pending.add(new int[] {li, ri + 1});
      } else if (r == Label.RECURSIVE) {
        pending.add(new int[] {li + 1, ri + 1});
        pending.add(new int[] {li + 1, ri});
      } else if (labelsMayOverlap(l, r)) {
        pending.add(new int[] {li + 1, ri + 1});
      }
    }
    return false;
  }

  private static boolean labelsMayOverlap(Label l, Label r) {
    if (l.literal && r.literal) {
      return l.source.equals(r.source);
    }
    if (l.literal) {
      return matchTokens(r.tokens, 0, l.codePoints, 0);
    }
    if (r.literal) {
      return matchTokens(l.tokens, 0, r.codePoints, 0);
    }
    return true;
  }

  /** One label: {@code **} or a glob crate pattern, with its code points for literal matching. */
  private static final class Label {
    static final Label RECURSIVE = new Label("**", List.of(), false);

    final String source;
    final List<Token> tokens;
    final boolean literal;
    final int[] codePoints;

    Label(String source, List<Token> tokens, boolean literal) {
      this.source = source;
      this.tokens = tokens;
      this.literal = literal;
      this.codePoints = source.codePoints().toArray();
    }
  }

  /** A glob crate token: a literal code point, {@code ?}, {@code *} or a class. */
  private record Token(char kind, int literal, boolean negated, int[] ranges) {}

  /** The glob crate's {@code Pattern::new} for one label; empty when it refuses it. */
  private static Optional<List<Token>> tokens(String label) {
    int[] cps = label.codePoints().toArray();
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '*') {
        if (i + 1 < cps.length && cps[i + 1] == '*') {
          return Optional.empty(); // `**` is only valid as a whole component
        }
        out.add(new Token('*', 0, false, null));
      } else if (c == '?') {
        out.add(new Token('?', 0, false, null));
      } else if (c == '[') {
        int j = i + 1;
        boolean negated = j < cps.length && cps[j] == '!';
        if (negated) {
          j++;
        }
        int start = j;
        // a `]` right after `[` or `[!` is a literal member
        int close = -1;
        for (int k = start + 1; k < cps.length; k++) {
          if (cps[k] == ']') {
            close = k;
            break;
          }
        }
        if (start >= cps.length || close < 0) {
          return Optional.empty();
        }
        List<Integer> ranges = new ArrayList<>();
        for (int k = start; k < close; k++) {
          if (k + 2 < close && cps[k + 1] == '-') {
            ranges.add(cps[k]);
            ranges.add(cps[k + 2]);
            k += 2;
          } else {
            ranges.add(cps[k]);
            ranges.add(cps[k]);
          }
        }
        out.add(new Token('[', 0, negated, ranges.stream().mapToInt(Integer::intValue).toArray()));
        i = close;
      } else {
        out.add(new Token('c', c, false, null));
      }
    }
    return Optional.of(List.copyOf(out));
  }

  private static boolean matchTokens(List<Token> tokens, int ti, String text, int ci) {
    int[] cps = text.codePoints().toArray();
    return matchTokens(tokens, ti, cps, ci);
  }

  private static boolean matchTokens(List<Token> tokens, int ti, int[] text, int ci) {
    if (ti == tokens.size()) {
      return ci == text.length;
    }
    Token t = tokens.get(ti);
    if (t.kind == '*') {
      for (int k = ci; k <= text.length; k++) {
        if (matchTokens(tokens, ti + 1, text, k)) {
          return true;
        }
      }
      return false;
    }
    if (ci >= text.length) {
      return false;
    }
    int c = text[ci];
    boolean ok =
        switch (t.kind) {
          case '?' -> true;
          case '[' -> inRanges(t.ranges, c) != t.negated;
          default -> t.literal == c;
        };
    return ok && matchTokens(tokens, ti + 1, text, ci + 1);
  }

  private static boolean inRanges(int[] ranges, int c) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (c >= ranges[i] && c <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Rust's {@code to_ascii_lowercase}: only A-Z change. */
  private static String asciiLower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return sb.toString();
  }

  /** Rust's {@code char::is_whitespace} (Unicode White_Space). */
  private static boolean isWhiteSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || cp == 0x20
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  @Override
  public String toString() {
    return source;
  }
}
