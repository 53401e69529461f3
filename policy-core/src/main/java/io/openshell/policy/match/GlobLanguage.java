package io.openshell.policy.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Glob languages as token lists and the emptiness test of their intersection (a product-automaton
 * search). Used for host globs (delimiter {@code .}) and runtime path globs (no delimiter).
 */
final class GlobLanguage {
  private GlobLanguage() {}

  /** Highest Unicode code point, the upper end of "any character". */
  private static final int MAX = Character.MAX_CODE_POINT;

  /** One glob token: a set of characters it consumes once, or a star that consumes repeatedly. */
  record Token(boolean star, int[] ranges) {
    /** Ranges are sorted, disjoint, inclusive pairs {@code [lo0, hi0, lo1, hi1, ...]}. */
    static Token literal(int c) {
      return new Token(false, new int[] {c, c});
    }

    static Token any() {
      return new Token(false, new int[] {0, MAX});
    }

    static Token star(int[] ranges) {
      return new Token(true, ranges);
    }

    boolean sharesCharacterWith(Token other) {
      int[] a = ranges;
      int[] b = other.ranges;
      int i = 0;
      int j = 0;
      while (i < a.length && j < b.length) {
        if (a[i + 1] < b[j]) {
          i += 2;
        } else if (b[j + 1] < a[i]) {
          j += 2;
        } else {
          return true;
        }
      }
      return false;
    }
  }

  private static final int[] ALL = {0, MAX};
  private static final int[] ALL_BUT_DOT = {0, '.' - 1, '.' + 1, MAX};

  /**
   * Host glob tokens: one {@code *} consumes any run of characters except {@code .}; two or more
   * consume anything.
   */
  static List<Token> hostTokens(String pattern) {
    List<Token> tokens = new ArrayList<>(pattern.length());
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c != '*') {
        tokens.add(Token.literal(c));
        i++;
        continue;
      }
      int start = i;
      while (i < pattern.length() && pattern.charAt(i) == '*') {
        i++;
      }
      tokens.add(Token.star(i - start >= 2 ? ALL : ALL_BUT_DOT));
    }
    return tokens;
  }

  /** A literal string as tokens (every character stands for itself). */
  static List<Token> literalTokens(String value) {
    List<Token> tokens = new ArrayList<>(value.length());
    value.codePoints().forEach(c -> tokens.add(Token.literal(c)));
    return tokens;
  }

  /**
   * Runtime path glob tokens ({@code glob} crate semantics with {@code require_literal_separator:
   * false}): {@code ?} any one character, {@code [..]} / {@code [!..]} classes with ranges, {@code
   * *} and {@code **} any run including {@code /}. {@code **} must be a whole path component and a
   * following {@code /} belongs to it; {@code ***} and unterminated or empty classes make the
   * pattern invalid (empty result).
   */
  static Optional<List<Token>> pathTokens(String pattern) {
    return pathTokens(pattern, false);
  }

  /**
   * {@link #pathTokens(String)}, or with {@code globCrate} the {@code glob} crate's own class rule
   * that {@code endpoint_path.rs} runs (openshell-core/src/endpoint_path.rs:25-58): the first
   * character after {@code [} or {@code [!} is always a member, so {@code []a]} is the class of
   * {@code ]} and {@code a} (the ambiguity tokenizer, ambiguity.rs:507-520, calls it invalid).
   */
  static Optional<List<Token>> pathTokens(String pattern, boolean globCrate) {
    List<Token> tokens = new ArrayList<>(pattern.length());
    int n = pattern.length();
    int i = 0;
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '?') {
        tokens.add(Token.any());
        i++;
      } else if (c == '*') {
        int start = i;
        while (i < n && pattern.charAt(i) == '*') {
          i++;
        }
        int count = i - start;
        if (count > 2) {
          return Optional.empty();
        }
        if (count == 2) {
          boolean startsComponent = start == 0 || pattern.charAt(start - 1) == '/';
          boolean endsComponent = i == n || pattern.charAt(i) == '/';
          if (!startsComponent || !endsComponent) {
            return Optional.empty();
          }
          if (i < n) {
            i++; // "**/" also matches zero components, so the slash is part of the star
          }
        }
        tokens.add(Token.star(ALL));
      } else if (c == '[') {
        boolean negated = i + 1 < n && pattern.charAt(i + 1) == '!';
        int contentStart = i + (negated ? 2 : 1);
        int searchFrom = globCrate ? contentStart + 1 : contentStart;
        int close = searchFrom <= n ? pattern.indexOf(']', searchFrom) : -1;
        if (close < 0 || close == contentStart) {
          return Optional.empty();
        }
        int[] ranges = classRanges(pattern.substring(contentStart, close));
        tokens.add(new Token(false, negated ? complement(ranges) : ranges));
        i = close + 1;
      } else {
        tokens.add(Token.literal(c));
        i++;
      }
    }
    return Optional.of(tokens);
  }

  private static int[] classRanges(String content) {
    List<int[]> pairs = new ArrayList<>();
    int i = 0;
    while (i < content.length()) {
      if (i + 2 < content.length() && content.charAt(i + 1) == '-') {
        int lo = content.charAt(i);
        int hi = content.charAt(i + 2);
        if (lo <= hi) {
          pairs.add(new int[] {lo, hi});
        }
        i += 3;
      } else {
        pairs.add(new int[] {content.charAt(i), content.charAt(i)});
        i++;
      }
    }
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] p : pairs) {
      if (!merged.isEmpty() && p[0] <= merged.get(merged.size() - 1)[1] + 1) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], p[1]);
      } else {
        merged.add(p.clone());
      }
    }
    int[] out = new int[merged.size() * 2];
    for (int k = 0; k < merged.size(); k++) {
      out[2 * k] = merged.get(k)[0];
      out[2 * k + 1] = merged.get(k)[1];
    }
    return out;
  }

  private static int[] complement(int[] ranges) {
    List<Integer> out = new ArrayList<>();
    int cursor = 0;
    for (int k = 0; k < ranges.length; k += 2) {
      if (cursor < ranges[k]) {
        out.add(cursor);
        out.add(ranges[k] - 1);
      }
      cursor = ranges[k + 1] + 1;
    }
    if (cursor <= MAX) {
      out.add(cursor);
      out.add(MAX);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * True when some string is in both languages. States are pairs of token positions; a star may be
   * skipped (epsilon) or consume a shared character and stay; other tokens consume one shared
   * character and advance. The state space is finite, so the search terminates.
   */
  static boolean intersect(List<Token> left, List<Token> right) {
    int ln = left.size();
    int rn = right.size();
    int width = rn + 1;
    boolean[] seen = new boolean[(ln + 1) * width];
    // Grown on demand: most searches visit a few states of the (ln + 1) × (rn + 1) space.
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      int state = stack[--top];
      if (seen[state]) {
        continue;
      }
      seen[state] = true;
      if (top + 3 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      int li = state / width;
      int ri = state % width;
      if (li == ln && ri == rn) {
        return true;
      }
      Token lt = li < ln ? left.get(li) : null;
      Token rt = ri < rn ? right.get(ri) : null;
      if (lt != null && lt.star()) {
        stack[top++] = (li + 1) * width + ri;
      }
      if (rt != null && rt.star()) {
        stack[top++] = li * width + ri + 1;
      }
      if (lt != null && rt != null && lt.sharesCharacterWith(rt)) {
        int nl = lt.star() ? li : li + 1;
        int nr = rt.star() ? ri : ri + 1;
        if (nl != li || nr != ri) {
          stack[top++] = nl * width + nr;
        }
      }
    }
    return false;
  }
}
