package io.openshell.plugin.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format, 3 lines of context) of two texts, line by line, from a
 * longest-common-subsequence alignment. Policies are small (the operator caps them at 256 KiB), so
 * the quadratic table is fine.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** One aligned line: ' ' kept, '-' only in the old text, '+' only in the new one. */
  private record Line(char op, String text, int oldNo, int newNo) {}

  /**
   * The diff of {@code before} and {@code after} under the headers {@code --- fromName} and {@code
   * +++ toName}; empty when the texts are equal.
   */
  public static String diff(String before, String after, String fromName, String toName) {
    if (before.equals(after)) {
      return "";
    }
    List<Line> lines = align(split(before), split(after));
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromName).append('\n');
    out.append("+++ ").append(toName).append('\n');
    int i = 0;
    while (i < lines.size()) {
      if (lines.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while the next change is within 2 * CONTEXT kept lines
      while (true) {
        int next = end;
        while (next < lines.size() && lines.get(next).op() != ' ') {
          next++;
        }
        int kept = next;
        while (kept < lines.size() && lines.get(kept).op() == ' ') {
          kept++;
        }
        if (kept < lines.size() && kept - next <= 2 * CONTEXT) {
          end = kept;
        } else {
          end = Math.min(lines.size(), next + CONTEXT);
          break;
        }
      }
      hunk(out, lines.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Line> hunk) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Line l : hunk) {
      if (l.op() != '+') {
        oldStart = oldStart == 0 ? l.oldNo() : oldStart;
        oldCount++;
      }
      if (l.op() != '-') {
        newStart = newStart == 0 ? l.newNo() : newStart;
        newCount++;
      }
    }
    // an empty side starts at the line before the change, as diff -u prints it
    if (oldCount == 0) {
      oldStart = hunk.get(0).oldNo();
    }
    if (newCount == 0) {
      newStart = hunk.get(0).newNo();
    }
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (Line l : hunk) {
      out.append(l.op()).append(l.text()).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    String[] parts = text.split("\n", -1);
    int n = text.endsWith("\n") ? parts.length - 1 : parts.length;
    for (int i = 0; i < n; i++) {
      out.add(parts[i]);
    }
    return out;
  }

  /**
   * The alignment; line numbers are 1-based, and a removed (added) line carries the new (old)
   * number of the line before it, which is what an empty hunk side reports.
   */
  private static List<Line> align(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Line(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // removals before additions, as diff -u prints a changed block
        out.add(new Line('-', a.get(i), i + 1, j));
        i++;
      } else {
        out.add(new Line('+', b.get(j), i, j + 1));
        j++;
      }
    }
    return out;
  }
}
