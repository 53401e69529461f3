package io.openshell.plugin.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The diff is what GNU {@code diff -u --label old --label new} prints for the same texts. */
class UnifiedDiffTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.diff("a\nb\n", "a\nb\n", "old", "new")).isEmpty();
  }

  @Test
  void distantChangesGetTheirOwnHunksWithThreeLinesOfContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
    String after = "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nm\nn\n";
    assertThat(UnifiedDiff.diff(before, after, "old", "new"))
        .isEqualTo(
            """
            --- old
            +++ new
            @@ -1,6 +1,6 @@
             a
             b
            -c
            +C
             d
             e
             f
            @@ -9,5 +9,5 @@
             i
             j
             k
            -l
             m
            +n
            """);
  }

  @Test
  void nearChangesShareOneHunk() {
    assertThat(UnifiedDiff.diff("a\nb\nc\nd\ne\n", "A\nb\nc\nd\nE\n", "old", "new"))
        .isEqualTo(
            """
            --- old
            +++ new
            @@ -1,5 +1,5 @@
            -a
            +A
             b
             c
             d
            -e
            +E
            """);
  }

  @Test
  void anAddedFileStartsAtLineZeroOfTheOldSide() {
    assertThat(UnifiedDiff.diff("", "x\ny\n", "old", "new"))
        .isEqualTo("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  }

  @Test
  void aRemovedFileEndsAtLineZeroOfTheNewSide() {
    assertThat(UnifiedDiff.diff("x\ny\n", "", "old", "new"))
        .isEqualTo("--- old\n+++ new\n@@ -1,2 +0,0 @@\n-x\n-y\n");
  }
}
