package io.openshell.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostGlobTest {

  // A: exact_and_wildcard_hosts_overlap
  @Test
  void exactHostOverlapsAWildcardThatMatchesIt() {
    assertThat(HostGlob.overlaps("api.example.com", "*.example.com")).isTrue();
    assertThat(HostGlob.overlaps("us-aiplatform.googleapis.com", "*-aiplatform.googleapis.com"))
        .isTrue();
  }

  @Test
  void exactHostDoesNotOverlapAnotherDomain() {
    assertThat(HostGlob.overlaps("api.example.com", "*.other.com")).isFalse();
  }

  // A: intersecting_wildcards_are_detected
  @Test
  void intersectingWildcardsOverlap() {
    assertThat(HostGlob.overlaps("*.example.com", "api.*.com")).isTrue();
    assertThat(HostGlob.overlaps("**.example.com", "api.example.com")).isTrue();
  }

  @Test
  void wildcardsUnderDifferentTopLevelDomainsDoNotOverlap() {
    assertThat(HostGlob.overlaps("*.example.com", "*.example.org")).isFalse();
  }

  @Test
  void wildcardsWithIncompatibleLiteralPrefixesDoNotOverlap() {
    assertThat(HostGlob.overlaps("api.*.com", "web.*.com")).isFalse();
    assertThat(HostGlob.overlaps("api.*.com", "api.**")).isTrue();
  }

  @Test
  void singleStarDoesNotSpanADot() {
    assertThat(HostGlob.overlaps("*.api.example.com", "*.example.com")).isFalse();
    assertThat(HostGlob.overlaps("**.api.example.com", "**.example.com")).isTrue();
  }

  @Test
  void hostsCompareCaseInsensitively() {
    assertThat(HostGlob.overlaps("API.GitHub.com", "api.github.com")).isTrue();
    assertThat(HostGlob.overlaps("*.GITHUB.com", "api.github.COM")).isTrue();
  }

  @Test
  void emptyHostOverlapsEverything() {
    assertThat(HostGlob.overlaps("", "api.example.com")).isTrue();
    assertThat(HostGlob.overlaps("*.example.com", "")).isTrue();
  }

  @Test
  void labelMatchTreatsStarAsExactlyOneLabel() {
    assertThat(HostGlob.labelMatches("*.example.com", "api.example.com")).isTrue();
    assertThat(HostGlob.labelMatches("*.example.com", "a.b.example.com")).isFalse();
    assertThat(HostGlob.labelMatches("**.example.com", "a.b.example.com")).isTrue();
  }

  @Test
  void labelMatchDoesNotExpandIntraLabelWildcards() {
    assertThat(HostGlob.labelMatches("*-aiplatform.googleapis.com", "us-aiplatform.googleapis.com"))
        .isFalse();
  }

  @Test
  void labelOverlapComparesTwoWildcardSelectorsLabelByLabel() {
    assertThat(HostGlob.labelsCanOverlap("*.example.com", "api.*.com")).isTrue();
    assertThat(HostGlob.labelsCanOverlap("*.example.com", "*.example.org")).isFalse();
    assertThat(HostGlob.labelsCanOverlap("**.example.com", "*.*.example.com")).isTrue();
  }
}
