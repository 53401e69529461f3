package io.openshell.policy.format;

import java.util.Set;

/**
 * When the canonical writer quotes a string. A value is double-quoted when it is empty, a YAML 1.1
 * boolean or null word ({@code yes}, {@code on}, {@code null}, {@code ~...}), contains a flow
 * indicator ({@code [ ] { } ,}), a comment start ({@code #} at the start or after a blank) or a
 * mapping indicator ({@code :} at the end or before a blank), or is something a YAML 1.1 or 1.2
 * reader (OpenShell uses serde_yaml) could resolve to a number: anything starting with a digit, a
 * sign or dot followed by a digit, {@code 0x}/{@code 0o}/{@code 0b} forms, {@code 1e3}, {@code
 * 1_000}, {@code .inf}/{@code .nan}, and the bare number shapes {@code +}, {@code -}, {@code .}. A
 * key is double-quoted when it is a boolean or null word, starts with a digit, sign or dot, or
 * contains a control character. An unquoted glob like {@code 0x1F} would be read back by OpenShell
 * as a number and break its untagged matcher.
 */
final class YamlQuoting {
  private static final Set<String> RESERVED =
      Set.of(
          "false", "False", "FALSE", "n", "N", "no", "No", "NO", "null", "Null", "NULL", "on", "On",
          "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES");

  private YamlQuoting() {}

  /** Whether a mapping key must be double-quoted. */
  static boolean needsQuotedName(String name) {
    if (reserved(name)) {
      return true;
    }
    char c = name.charAt(0);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < 0x20) {
        return true;
      }
    }
    return false;
  }

  /** Whether a single-line string value must be double-quoted. */
  static boolean needsQuotedValue(String value) {
    return reserved(value) || hasIndicator(value) || numberLike(value) || plainNumber(value);
  }

  /** A YAML 1.1 boolean or null word, spelled as Jackson's list has it. */
  static boolean reservedWord(String s) {
    return RESERVED.contains(s);
  }

  private static boolean reserved(String s) {
    if (s.isEmpty()) {
      return true;
    }
    switch (s.charAt(0)) {
      case '~':
        return true;
      case 'f', 'n', 'o', 't', 'y', 'F', 'N', 'O', 'T', 'Y':
        return s.length() <= 5 && RESERVED.contains(s);
      default:
        return false;
    }
  }

  private static boolean hasIndicator(String s) {
    int end = s.length();
    for (int i = 0; i < end; i++) {
      switch (s.charAt(i)) {
        case '[', ']', '{', '}', ',':
          return true;
        case '#':
          if (i == 0 || isBlank(s.charAt(i - 1))) {
            return true;
          }
          break;
        case ':':
          if (i == end - 1 || isBlank(s.charAt(i + 1))) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * {@code [-+]?\.?[0-9]} followed by anything on one line, {@code [-+]?\.(inf|Inf|INF)} or {@code
   * \.(nan|NaN|NAN)}.
   */
  private static boolean numberLike(String s) {
    int len = s.length();
    int i = 0;
    if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    if (i < len && s.charAt(i) == '.') {
      String rest = s.substring(i + 1);
      if (rest.equals("inf") || rest.equals("Inf") || rest.equals("INF")) {
        return true;
      }
      if (i == 0 && (rest.equals("nan") || rest.equals("NaN") || rest.equals("NAN"))) {
        return true;
      }
      i++;
    }
    if (i >= len || s.charAt(i) < '0' || s.charAt(i) > '9') {
      return false;
    }
    for (int k = i + 1; k < len; k++) {
      char c = s.charAt(k);
      // Characters a regex "." does not match.
      if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }

  /** The whole string is {@code [+-]?[0-9]*(\.[0-9]*)?}. */
  private static boolean plainNumber(String s) {
    int len = s.length();
    int i = 0;
    if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i < len && s.charAt(i) == '.') {
      i++;
      while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
    }
    return i == len;
  }
}
