package io.openshell.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointPathTest {

  @Test
  void matchAllPatternsMatchAnyPath() {
    assertThat(EndpointPath.matches("", "/x")).isTrue();
    assertThat(EndpointPath.matches("**", "/x")).isTrue();
    assertThat(EndpointPath.matches("/**", "/x/y")).isTrue();
  }

  @Test
  void prefixPatternMatchesThePrefixAndItsDescendantsOnly() {
    assertThat(EndpointPath.matches("/v1/**", "/v1")).isTrue();
    assertThat(EndpointPath.matches("/v1/**", "/v1/models")).isTrue();
    assertThat(EndpointPath.matches("/v1/**", "/v10")).isFalse();
  }

  @Test
  void otherPatternsAreGlobs() {
    assertThat(EndpointPath.matches("/v?/models", "/v2/models")).isTrue();
    assertThat(EndpointPath.matches("/v?/models", "/v2/other")).isFalse();
  }

  @Test
  void nestedPrefixSelectorsCanOverlap() {
    assertThat(EndpointPath.canOverlap("/v1/**", "/v1/admin/**")).isTrue();
    assertThat(EndpointPath.canOverlap("/v1/**", "/v2/**")).isFalse();
  }

  @Test
  void literalSelectorIsMatchedAgainstTheOtherSelector() {
    assertThat(EndpointPath.canOverlap("/v1/models", "/v1/**")).isTrue();
    assertThat(EndpointPath.canOverlap("/v2/models", "/v1/**")).isFalse();
  }

  @Test
  void otherGlobPairsConservativelyOverlap() {
    assertThat(EndpointPath.canOverlap("/a/*/x", "/b/*/y")).isTrue();
  }

  // §11.10: "" and "/**" score differently although both match every path
  @Test
  void emptyAndRecursiveRootScoreDifferently() {
    assertThat(EndpointPath.specificity("")).isZero();
    assertThat(EndpointPath.specificity("**")).isZero();
    assertThat(EndpointPath.specificity("/**")).isEqualTo(1_000_001L);
  }

  @Test
  void classWhoseFirstMemberIsABracketFollowsTheGlobCrate() {
    // Suspected S7, confirmed: token-grant paths use glob::Pattern (endpoint_path.rs:25-58), where
    // the character right after '[' is always a class member.
    assertThat(EndpointPath.matches("/v[]a]", "/v]")).isTrue();
    assertThat(EndpointPath.matches("/v[]a]", "/va")).isTrue();
    assertThat(EndpointPath.matches("/v[!]a]", "/vb")).isTrue();
    assertThat(EndpointPath.matches("/v[!]a]", "/v]")).isFalse();
  }

  @Test
  void recursiveWildcardInsideAComponentIsAnInvalidGlobThatMatchesOnlyItself() {
    // glob::Pattern::new fails ("recursive wildcards must form a single path component"), so the
    // pattern matches only the identical path.
    assertThat(EndpointPath.matches("/a/x**", "/a/xyz")).isFalse();
    assertThat(EndpointPath.matches("/a/x**", "/a/x**")).isTrue();
  }
}
