package io.openshell.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Profile id rules and provider type aliases (§2.2). */
class ProviderTypesTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {" Alex-API | alex-api", "alex-api|alex-api", "GITHUB|github", "a1-b2-c3|a1-b2-c3"})
  void normalizeProfileIdTrimsAndLowercasesValidIds(String input, String expected) {
    // OpenShell: normalize_profile_id_trims_and_lowercases_valid_ids
    assertThat(ProviderTypes.normalizeProfileId(input)).contains(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"alex_api", "-alex", "alex--api", "alex-", "", "   ", "alex api", "äpi"})
  void normalizeProfileIdRejectsNonCanonicalIds(String input) {
    // OpenShell: normalize_profile_id_trims_and_lowercases_valid_ids (the None cases)
    assertThat(ProviderTypes.normalizeProfileId(input)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {" alex-api ", "alex_api", "Alex-API"})
  void payloadIdsMustAlreadyBeCanonical(String id) {
    // OpenShell: validate_profile_set_rejects_noncanonical_profile_ids (the id predicate)
    assertThat(ProviderTypes.isValidProfileId(id)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gh|github",
        "github|github",
        "claude|claude-code",
        "claude_code|claude-code",
        "claude-code|claude-code",
        "gcp|google-cloud",
        "glab|gitlab",
        "vertex|google-vertex-ai",
        "vertex-ai|google-vertex-ai",
        "google-vertex|google-vertex-ai",
        "gcp-vertex|google-vertex-ai",
        "GH|github",
        " Custom-API |custom-api",
        "generic|generic",
        "aws-bedrock|aws-bedrock"
      })
  void providerTypeResolvesAliasesFirstThenTheNormalisedType(String type, String profileId) {
    // OpenShell: provider_policy_layers_normalize_custom_provider_type_ids (" Custom-API ")
    assertThat(ProviderTypes.profileIdForType(type)).contains(profileId);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"custom_api", "", "my provider"})
  void providerTypeThatCanNameNoProfileResolvesToNothing(String type) {
    assertThat(ProviderTypes.profileIdForType(type)).isEmpty();
  }
}
