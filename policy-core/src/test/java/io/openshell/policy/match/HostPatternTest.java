package io.openshell.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ports openshell-core host_pattern.rs tests (names in comments), parity row H12. */
class HostPatternTest {

  // host_matching_is_case_insensitive
  @Test
  void matchingIsCaseInsensitiveAndLabelAware() {
    assertThat(HostPattern.matchesOrFalse("*.Example.COM", "API.example.com")).isTrue();
    assertThat(HostPattern.matchesOrFalse("*.example.com", "example.com")).isFalse();
    assertThat(HostPattern.matchesOrFalse("*.example.com", "deep.api.example.com")).isFalse();
    assertThat(HostPattern.matchesOrFalse("**.example.com", "deep.api.example.com")).isTrue();
    assertThat(HostPattern.matchesOrFalse("*-api.example.com", "tenant-api.example.com")).isTrue();
    assertThat(HostPattern.matchesOrFalse("*", "deep.api.example.com")).isFalse();
  }

  // host_matching_rejects_invalid_patterns
  @Test
  void invalidPatternsAreRefused() {
    assertThat(HostPattern.parse("")).isEmpty();
    assertThat(HostPattern.parse("api .example.com")).isEmpty();
    assertThat(HostPattern.parse("api[.example.com")).isEmpty();
    assertThat(HostPattern.parse("*.{prod,staging}.example.com")).isEmpty();
    assertThat(HostPattern.parse("api**.example.com")).isEmpty();
    assertThat(HostPattern.parse("api..example.com")).isEmpty();
  }

  // recursive_wildcard_requires_at_least_one_label
  @Test
  void recursiveWildcardNeedsAtLeastOneLabel() {
    assertThat(HostPattern.matchesOrFalse("**.example.com", "api.example.com")).isTrue();
    assertThat(HostPattern.matchesOrFalse("**.example.com", "example.com")).isFalse();
    assertThat(HostPattern.matchesOrFalse("api.**.com", "api.x.y.com")).isTrue();
    assertThat(HostPattern.matchesOrFalse("api.**.com", "api.com")).isFalse();
  }

  // universal_wildcard_matches_any_host
  @Test
  void universalWildcardMatchesEveryValidHost() {
    assertThat(HostPattern.matchesOrFalse("**", "localhost")).isTrue();
    assertThat(HostPattern.matchesOrFalse("**", "[::1]")).isTrue();
    assertThat(HostPattern.matchesOrFalse("**", "")).isFalse();
  }

  @Test
  void questionMarksAndClassesAreGlobSyntax() {
    assertThat(HostPattern.overlapsOrFalse("ap?.github.com", "api.github.com")).isTrue();
    assertThat(HostPattern.overlapsOrFalse("[a-c]pi.example.com", "bpi.example.com")).isTrue();
    assertThat(HostPattern.overlapsOrFalse("[!a-c]pi.example.com", "bpi.example.com")).isFalse();
    assertThat(HostPattern.overlapsOrFalse("[]]x.example.com", "]x.example.com")).isTrue();
  }

  @Test
  void anInvalidPatternOverlapsNothing() {
    assertThat(HostPattern.overlapsOrFalse("", "api.example.com")).isFalse();
    assertThat(HostPattern.overlapsOrFalse("**", "")).isFalse();
  }
}
