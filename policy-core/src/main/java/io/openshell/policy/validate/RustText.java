package io.openshell.policy.validate;

/**
 * The string operations OpenShell's Rust code uses, with Rust's exact semantics: {@code str::trim}
 * strips Unicode {@code White_Space} (also NBSP and U+3000, which {@link String#trim()} keeps), and
 * {@code eq_ignore_ascii_case} / {@code to_ascii_lowercase} fold only ASCII letters (Java's {@link
 * String#equalsIgnoreCase} also folds {@code ſ} to {@code s} and the Kelvin sign to {@code k}).
 */
public final class RustText {
  private RustText() {}

  /** Rust's {@code char::is_whitespace}: the Unicode {@code White_Space} property. */
  public static boolean isWhitespace(int c) {
    return (c >= 0x09 && c <= 0x0D)
        || c == 0x20
        || c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** Rust's {@code str::trim}. */
  public static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isWhitespace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Rust's {@code str::trim().is_empty()}. */
  public static boolean isBlank(String s) {
    return trim(s).isEmpty();
  }

  /** Rust's {@code str::to_ascii_lowercase}. */
  public static String asciiLower(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Rust's {@code str::eq_ignore_ascii_case}. */
  public static boolean eqIgnoreAsciiCase(String a, String b) {
    return a.length() == b.length() && asciiLower(a).equals(asciiLower(b));
  }
}
