package io.openshell.policy.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The canonical YAML emitter: block style, two-space indent, sequence dashes indented under their
 * key, no document marker, no line folding. A string is written plain unless YAML would read it as
 * something else, then single- or double-quoted; a string with a line feed becomes a literal block.
 * These are exactly the bytes the earlier Jackson/SnakeYAML writer produced (MINIMIZE_QUOTES,
 * ALWAYS_QUOTE_NUMBERS_AS_STRINGS, LITERAL_BLOCK_STYLE, INDENT_ARRAYS_WITH_INDICATOR, no
 * SPLIT_LINES, {@link YamlQuoting}); a property test in the test sources compares the two.
 *
 * <p>Supported shapes are those the policy and profile writers produce: a mapping at the root,
 * mappings and lists as mapping values, scalars and mappings as list items. A list directly inside
 * a list is rejected.
 */
final class YamlWriter implements Doc {
  private static final int INDENT = 2;

  /**
   * SnakeYAML writes a key longer than this (or multi-line, or empty) as a complex {@code ?} key.
   */
  private static final int MAX_SIMPLE_KEY = 128;

  private final StringBuilder out;
  // The open containers, innermost last: kind, indent of children/items, whether a child was
  // written, and whether a mapping is a list item (its first key follows the dash).
  private boolean[] isList = new boolean[16];
  private int[] indent = new int[16];
  private boolean[] started = new boolean[16];
  private boolean[] inline = new boolean[16];
  private int depth = -1;

  /** The last key was written as a complex {@code ? key} (its mapping value starts inline). */
  private boolean complexKey;

  YamlWriter(int capacity) {
    out = new StringBuilder(capacity);
  }

  /** The text written so far (complete once the root mapping is closed). */
  String text() {
    return out.toString();
  }

  /** Writes a Jackson tree (profiles build one) with the same rules. */
  static String of(JsonNode tree) {
    YamlWriter w = new YamlWriter(1024);
    w.node(tree);
    return w.text();
  }

  private void node(JsonNode n) {
    if (n.isObject()) {
      beginMap();
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        key(e.getKey());
        node(e.getValue());
      }
      endMap();
    } else if (n.isArray()) {
      beginList();
      for (JsonNode c : n) {
        node(c);
      }
      endList();
    } else if (n.isBoolean()) {
      bool(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      scalarToken(n.asText());
    } else if (n.isTextual()) {
      str(n.textValue());
    } else {
      throw new IllegalArgumentException("unsupported node type " + n.getNodeType());
    }
  }

  // ------------------------------------------------------------------ structure

  @Override
  public void beginMap() {
    if (depth < 0) {
      push(false, 0, false);
      return;
    }
    // A mapping that is a list item, or the value of a complex key, starts on the dash's or the
    // colon's line; otherwise its keys start on the next line.
    boolean inlineFirst = isList[depth] || complexKey;
    int childIndent = indent[depth] + INDENT;
    valueStart();
    push(false, childIndent, inlineFirst);
  }

  @Override
  public void endMap() {
    if (!started[depth] && depth > 0) {
      out.append(" {}\n");
    }
    depth--;
  }

  @Override
  public void beginList() {
    if (depth < 0 || isList[depth]) {
      throw new IllegalStateException("a list must be a mapping value");
    }
    if (complexKey) {
      // After a complex key's ":" SnakeYAML indents the list one level more and starts it on the
      // colon's line.
      int items = indent[depth] + 2 * INDENT;
      valueStart();
      push(true, items, true);
      return;
    }
    valueStart();
    push(true, indent[depth] + INDENT, false);
  }

  @Override
  public void endList() {
    if (!started[depth]) {
      out.append(" []\n");
    }
    depth--;
  }

  @Override
  public void key(String key) {
    int d = depth;
    if (!started[d]) {
      started[d] = true;
      if (inline[d]) {
        out.append(' ');
      } else {
        if (d > 0) {
          out.append('\n');
        }
        spaces(indent[d]);
      }
    } else {
      spaces(indent[d]);
    }
    if (isSimple(key) && key.length() < MAX_SIMPLE_KEY) {
      complexKey = false;
      out.append(key).append(':');
      return;
    }
    Analysis a = Analysis.of(key);
    boolean quote = YamlQuoting.needsQuotedName(key);
    int lines = indent[d] + INDENT;
    if (a.scalarLength < MAX_SIMPLE_KEY && !a.empty && !a.multiline) {
      complexKey = false;
      if (quote) {
        doubleQuoted(key);
      } else if (a.allowBlockPlain) {
        out.append(key);
      } else if (a.allowSingleQuoted) {
        singleQuoted(key, lines);
      } else {
        doubleQuoted(key);
      }
      out.append(':');
    } else {
      // SnakeYAML's complex key: "? key", then ":" on the next line at the same indent.
      complexKey = true;
      out.append("? ");
      if (quote) {
        doubleQuoted(key);
      } else if (a.allowBlockPlain) {
        plain(key, lines);
      } else if (a.allowSingleQuoted) {
        singleQuoted(key, lines);
      } else {
        doubleQuoted(key);
      }
      out.append('\n');
      spaces(indent[d]);
      out.append(':');
    }
  }

  /** Before a value: a list item gets its dash; a mapping value follows its key's colon. */
  private void valueStart() {
    int d = depth;
    if (isList[d]) {
      if (!started[d] && inline[d]) {
        started[d] = true;
        // The colon is at the parent's indent; pad to the dash column.
        spaces(indent[d] - indent[d - 1] - 1);
      } else {
        if (!started[d]) {
          started[d] = true;
          out.append('\n');
        }
        spaces(indent[d]);
      }
      out.append('-');
    }
    complexKey = false;
  }

  private void push(boolean list, int childIndent, boolean inlineFirst) {
    depth++;
    if (depth == isList.length) {
      int n = depth * 2;
      isList = Arrays.copyOf(isList, n);
      indent = Arrays.copyOf(indent, n);
      started = Arrays.copyOf(started, n);
      inline = Arrays.copyOf(inline, n);
    }
    isList[depth] = list;
    indent[depth] = childIndent;
    started[depth] = false;
    inline[depth] = inlineFirst;
  }

  // ------------------------------------------------------------------ scalars

  @Override
  public void num(long value) {
    scalarToken(Long.toString(value));
  }

  @Override
  public void bool(boolean value) {
    scalarToken(value ? "true" : "false");
  }

  /** A number or boolean: always plain. */
  private void scalarToken(String token) {
    valueStart();
    out.append(' ').append(token).append('\n');
  }

  @Override
  public void str(String value) {
    valueStart();
    // Continuation lines (literal block, line breaks in a flow scalar) are indented one level
    // deeper than the key or dash.
    int lines = indent[depth] + INDENT;
    out.append(' ');
    if (isSimple(value)) {
      out.append(value);
    } else if (value.isEmpty()) {
      out.append("\"\"");
    } else if (value.indexOf('\n') >= 0) {
      if (Analysis.of(value).allowBlock) {
        literal(value, lines);
        return;
      }
      doubleQuoted(value);
    } else if (YamlQuoting.needsQuotedValue(value)) {
      doubleQuoted(value);
    } else {
      Analysis a = Analysis.of(value);
      if (a.allowBlockPlain) {
        plain(value, lines);
      } else if (a.allowSingleQuoted) {
        singleQuoted(value, lines);
      } else {
        doubleQuoted(value);
      }
    }
    out.append('\n');
  }

  /** Plain: verbatim, except that a run of line breaks is followed by the indentation. */
  private void plain(String text, int lineIndent) {
    int len = text.length();
    int start = 0;
    boolean breaks = false;
    for (int end = 0; end <= len; end++) {
      boolean atEnd = end == len;
      char ch = atEnd ? 0 : text.charAt(end);
      if (breaks) {
        if (atEnd || !isBreak(ch)) {
          if (text.charAt(start) == '\n') {
            out.append('\n');
          }
          out.append(text, start, end);
          spaces(lineIndent);
          start = end;
        }
      } else if (atEnd || isBreak(ch)) {
        out.append(text, start, end);
        start = end;
      }
      if (!atEnd) {
        breaks = isBreak(ch);
      }
    }
  }

  /**
   * The common case, decided without the full analysis: starts with a letter, {@code /} or {@code
   * _}, has only letters, digits and {@code _ . / * -}, and is not a boolean or null word. Such a
   * string has no indicator, blank, break or number shape, so every rule above writes it plain.
   */
  private static boolean isSimple(String s) {
    int len = s.length();
    if (len == 0) {
      return false;
    }
    char c0 = s.charAt(0);
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '/' || c0 == '_')) {
      return false;
    }
    for (int i = 1; i < len; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '/'
          || c == '*'
          || c == '-')) {
        return false;
      }
    }
    return len > 5 || !YamlQuoting.reservedWord(s);
  }

  private static final String BLANKS = " ".repeat(64);

  private void spaces(int n) {
    if (n <= BLANKS.length()) {
      out.append(BLANKS, 0, n);
    } else {
      out.append(" ".repeat(n));
    }
  }

  private static boolean isBreak(int ch) {
    return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
  }

  private static boolean isPrintable(int c) {
    return (c >= 0x20 && c <= 0x7E)
        || c == 0x9
        || c == 0xA
        || c == 0xD
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private void doubleQuoted(String text) {
    out.append('"');
    int len = text.length();
    int start = 0;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      boolean special =
          c == '"'
              || c == '\\'
              || c == 0x85
              || c == 0x2028
              || c == 0x2029
              || c == 0xFEFF
              || c < 0x20
              || c > 0x7E;
      if (!special) {
        continue;
      }
      out.append(text, start, i);
      String esc = escape(c);
      if (esc != null) {
        out.append('\\').append(esc);
      } else {
        int cp =
            Character.isHighSurrogate(c) && i + 1 < len
                ? Character.toCodePoint(c, text.charAt(i + 1))
                : c;
        if (isPrintable(cp)) {
          out.appendCodePoint(cp);
          if (Character.charCount(cp) == 2) {
            i++;
          }
        } else if (c <= 0xFF) {
          out.append("\\x").append(hex(c, 2));
        } else if (Character.charCount(cp) == 2) {
          i++;
          out.append("\\U").append(hex(cp, 8));
        } else {
          out.append("\\u").append(hex(c, 4));
        }
      }
      start = i + 1;
    }
    out.append(text, start, len);
    out.append('"');
  }

  private static String hex(int v, int digits) {
    String h = Integer.toHexString(v);
    return "0".repeat(Math.max(0, digits - h.length())) + h;
  }

  private static String escape(int c) {
    switch (c) {
      case 0:
        return "0";
      case 0x07:
        return "a";
      case 0x08:
        return "b";
      case 0x09:
        return "t";
      case 0x0A:
        return "n";
      case 0x0B:
        return "v";
      case 0x0C:
        return "f";
      case 0x0D:
        return "r";
      case 0x1B:
        return "e";
      case '"':
        return "\"";
      case '\\':
        return "\\";
      case 0x85:
        return "N";
      case 0xA0:
        return "_";
      case 0x2028:
        return "L";
      case 0x2029:
        return "P";
      default:
        return null;
    }
  }

  /** Single-quoted: quotes doubled; a run of line breaks is written out and re-indented. */
  private void singleQuoted(String text, int lineIndent) {
    out.append('\'');
    int len = text.length();
    int start = 0;
    boolean breaks = false;
    for (int end = 0; end <= len; end++) {
      char ch = end < len ? text.charAt(end) : 0;
      boolean atEnd = end == len;
      if (breaks) {
        if (atEnd || !isBreak(ch)) {
          if (text.charAt(start) == '\n') {
            out.append('\n');
          }
          for (int k = start; k < end; k++) {
            char br = text.charAt(k);
            out.append(br == '\n' ? '\n' : br);
          }
          spaces(lineIndent);
          start = end;
        }
      } else if (atEnd || ch == '\'' || isBreak(ch)) {
        if (start < end) {
          out.append(text, start, end);
          start = end;
        }
      }
      if (ch == '\'' && !atEnd) {
        out.append("''");
        start = end + 1;
      }
      if (!atEnd) {
        breaks = isBreak(ch);
      }
    }
    out.append('\'');
  }

  /** A literal block: {@code |} with indentation and chomping hints, lines at lineIndent. */
  private void literal(String text, int lineIndent) {
    out.append('|');
    int len = text.length();
    char first = text.charAt(0);
    if (first == ' ' || isBreak(first)) {
      out.append(INDENT);
    }
    char last = text.charAt(len - 1);
    if (!isBreak(last)) {
      out.append('-');
    } else if (len == 1 || isBreak(text.charAt(len - 2))) {
      out.append('+');
    }
    out.append('\n');
    boolean breaks = true;
    int start = 0;
    for (int end = 0; end <= len; end++) {
      boolean atEnd = end == len;
      char ch = atEnd ? 0 : text.charAt(end);
      if (breaks) {
        if (atEnd || !isBreak(ch)) {
          out.append(text, start, end);
          if (!atEnd) {
            spaces(lineIndent);
          }
          start = end;
        }
      } else if (atEnd || isBreak(ch)) {
        out.append(text, start, end);
        if (atEnd) {
          out.append('\n');
        }
        start = end;
      }
      if (!atEnd) {
        breaks = isBreak(ch);
      }
    }
  }

  // ------------------------------------------------------------------ analysis

  /** What SnakeYAML's scalar analysis decides for one string (the parts used here). */
  private static final class Analysis {
    boolean empty;
    boolean multiline;
    boolean allowBlockPlain;
    boolean allowSingleQuoted;
    boolean allowBlock;
    int scalarLength;

    static Analysis of(String s) {
      Analysis a = new Analysis();
      int len = s.length();
      a.scalarLength = len;
      if (len == 0) {
        a.empty = true;
        a.allowBlockPlain = true;
        a.allowSingleQuoted = true;
        return a;
      }
      boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
      boolean lineBreaks = false;
      boolean special = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean precededByWhitespace = true;
      boolean followedByWhitespace = len == 1 || isNullBlankTabBreak(s.codePointAt(1));
      boolean previousSpace = false;
      boolean previousBreak = false;
      int index = 0;
      while (index < len) {
        int c = s.codePointAt(index);
        if (index == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
            blockIndicators = true;
          }
          if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
            blockIndicators = true;
          }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
          blockIndicators = true;
        }
        boolean isLineBreak = isBreak(c);
        lineBreaks |= isLineBreak;
        if (!(c == '\n' || (c >= 0x20 && c <= 0x7E))
            && !(c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF))) {
          special = true;
        }
        if (c == ' ') {
          leadingSpace |= index == 0;
          trailingSpace |= index == len - 1;
          breakSpace |= previousBreak;
          previousSpace = true;
          previousBreak = false;
        } else if (isLineBreak) {
          leadingBreak |= index == 0;
          trailingBreak |= index == len - 1;
          spaceBreak |= previousSpace;
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        index += Character.charCount(c);
        // SnakeYAML's look-ahead: whether the character after the next one is blank.
        precededByWhitespace = isNullBlankTab(c) || isLineBreak;
        followedByWhitespace = true;
        if (index + 1 < len) {
          int next = index + Character.charCount(s.codePointAt(index));
          if (next < len) {
            followedByWhitespace = isNullBlankTab(s.codePointAt(next)) || isLineBreak;
          }
        }
      }
      a.allowBlockPlain = true;
      a.allowSingleQuoted = true;
      a.allowBlock = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || leadingZero(s)) {
        a.allowBlockPlain = false;
      }
      if (trailingSpace) {
        a.allowBlock = false;
      }
      if (breakSpace) {
        a.allowBlockPlain = false;
        a.allowSingleQuoted = false;
      }
      if (spaceBreak || special) {
        a.allowBlockPlain = false;
        a.allowSingleQuoted = false;
        a.allowBlock = false;
      }
      if (blockIndicators) {
        a.allowBlockPlain = false;
      }
      a.multiline = lineBreaks;
      return a;
    }

    private static boolean isNullBlankTab(int c) {
      return c == 0 || c == ' ' || c == '\t';
    }

    private static boolean isNullBlankTabBreak(int c) {
      return isNullBlankTab(c) || c == '\r' || isBreak(c);
    }

    /** {@code 0} followed only by digits and underscores (an octal-looking number). */
    private static boolean leadingZero(String s) {
      if (s.length() <= 1 || s.charAt(0) != '0') {
        return false;
      }
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || c == '_')) {
          return false;
        }
      }
      return true;
    }
  }
}
