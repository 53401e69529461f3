package io.openshell.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGlobTest {

  @Test
  void matchAllSelectorsOverlapEveryPath() {
    assertThat(PathGlob.overlaps("", "/repos/x")).isTrue();
    assertThat(PathGlob.overlaps("**", "/graphql")).isTrue();
    assertThat(PathGlob.overlaps("/v1", "/**")).isTrue();
  }

  // A: disjoint_path_specific_protocols_may_overlap (path part)
  @Test
  void disjointLiteralAndPrefixPathsDoNotOverlap() {
    assertThat(PathGlob.overlaps("/graphql", "/repos/**")).isFalse();
  }

  // A: question_mark_path_overlap_is_detected (path part)
  @Test
  void questionMarkMatchesOneCharacter() {
    assertThat(PathGlob.overlaps("/v?", "/v1")).isTrue();
    assertThat(PathGlob.overlaps("/v?", "/v12")).isFalse();
  }

  // A: overlapping_character_class_paths_are_detected / disjoint_character_class_paths...
  @Test
  void characterClassesOverlapWhenTheyShareACharacter() {
    assertThat(PathGlob.overlaps("/v[12]", "/v[23]")).isTrue();
    assertThat(PathGlob.overlaps("/v[12]", "/v[34]")).isFalse();
    assertThat(PathGlob.overlaps("/v[a-c]", "/v[c-f]")).isTrue();
  }

  // A: negated_character_class_paths_follow_runtime_glob_semantics
  @Test
  void negatedClassesExcludeTheirCharacters() {
    assertThat(PathGlob.overlaps("/v[!0]", "/v1")).isTrue();
    assertThat(PathGlob.overlaps("/v[!0]", "/v0")).isFalse();
  }

  @Test
  void starsCrossSlashes() {
    assertThat(PathGlob.overlaps("/repos/*", "/repos/a/b")).isTrue();
    assertThat(PathGlob.overlaps("/a/**/b", "/a/b")).isTrue();
  }

  @Test
  void invalidGlobsAreTreatedAsOverlapping() {
    assertThat(PathGlob.overlaps("/a***", "/b")).isTrue();
    assertThat(PathGlob.overlaps("/a[", "/b")).isTrue();
  }

  @Test
  void specificityCountsNonStarCharacters() {
    assertThat(PathGlob.specificity("")).isZero();
    assertThat(PathGlob.specificity("**")).isZero();
    assertThat(PathGlob.specificity("/**")).isEqualTo(1);
    assertThat(PathGlob.specificity("/graphql")).isEqualTo(8);
  }

  // OpenShell ambiguity.rs:638-644 drops reversed ranges: '[z-a]' matches nothing, so two equal
  // selectors made of it do not overlap (parity row L11).
  @Test
  void equalSelectorsWithAnEmptyClassDoNotOverlap() {
    assertThat(PathGlob.overlaps("/[z-a]", "/[z-a]")).isFalse();
    assertThat(PathGlob.overlaps("/v1", "/v1")).isTrue();
  }
}
