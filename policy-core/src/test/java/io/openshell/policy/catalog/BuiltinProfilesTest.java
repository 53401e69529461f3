package io.openshell.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinProfilesTest {

  private static final List<String> BUILTIN_IDS =
      List.of(
          "aws",
          "aws-bedrock",
          "aws-s3",
          "claude-code",
          "codex",
          "copilot",
          "cursor",
          "deepinfra",
          "github",
          "google-cloud",
          "google-vertex-ai",
          "nvidia",
          "pypi");

  @Test
  void catalogHasTheThirteenBuiltinIdsSortedById() {
    // OpenShell: builtin_profiles_are_sorted_by_id,
    // list_provider_profiles_returns_built_in_profile_categories
    assertThat(BuiltinProfiles.ids()).containsExactlyElementsOf(BUILTIN_IDS);
    assertThat(BuiltinProfiles.all())
        .extracting(CatalogEntry::id)
        .containsExactlyElementsOf(BUILTIN_IDS);
  }

  @Test
  void builtinEntriesHaveSourceBuiltinAndGenerationZero() {
    assertThat(BuiltinProfiles.all())
        .allSatisfy(
            e -> {
              assertThat(e.source()).isEqualTo(ProfileSource.BUILTIN);
              assertThat(e.generation()).isZero();
              assertThat(e.profile().resourceVersion()).isZero();
            });
  }

  @Test
  void builtinCategoriesMatchOpenShell() {
    // OpenShell: list_provider_profiles_returns_built_in_profile_categories (github =
    // SOURCE_CONTROL)
    assertThat(BuiltinProfiles.get("github").map(ProviderProfile::category))
        .contains(ProfileCategory.SOURCE_CONTROL);
    assertThat(BuiltinProfiles.get("pypi").map(ProviderProfile::category))
        .contains(ProfileCategory.DATA);
    assertThat(BuiltinProfiles.get("nvidia").map(ProviderProfile::category))
        .contains(ProfileCategory.INFERENCE);
  }

  @Test
  void getFindsABuiltinByExactIdOnly() {
    assertThat(BuiltinProfiles.get("github")).map(ProviderProfile::displayName).contains("GitHub");
    assertThat(BuiltinProfiles.get("gh")).isEmpty();
    assertThat(BuiltinProfiles.get("generic")).isEmpty();
  }

  @Test
  void isBuiltinReportsReservedIds() {
    assertThat(BuiltinProfiles.isBuiltin("aws-s3")).isTrue();
    assertThat(BuiltinProfiles.isBuiltin("custom-api")).isFalse();
  }

  @Test
  void builtinsPassTheProfileLint() {
    List<ProviderProfile> profiles =
        BuiltinProfiles.all().stream().map(CatalogEntry::profile).toList();

    assertThat(ProfileLint.validateProfileSet(profiles)).noneMatch(d -> d.violation().isError());
  }

  @Test
  void everyBuiltinHasACanonicalId() {
    assertThat(BuiltinProfiles.ids()).allMatch(ProviderTypes::isValidProfileId);
  }

  @Test
  void withBuiltinsAddsUserEntriesToTheBuiltins() {
    CatalogEntry custom = new CatalogEntry(profile("custom-api"), ProfileSource.USER, 2);

    ProfileCatalog catalog = ProfileCatalog.withBuiltins(List.of(custom));

    assertThat(catalog.entries()).hasSize(14);
    assertThat(catalog.get("custom-api")).contains(custom);
    assertThat(catalog.forProviderType(" Custom-API ")).contains(custom);
  }

  @Test
  void withBuiltinsKeepsTheBuiltinWhenAUserEntryReusesItsId() {
    CatalogEntry impostor = new CatalogEntry(profile("github"), ProfileSource.USER, 1);

    ProfileCatalog catalog = ProfileCatalog.withBuiltins(List.of(impostor));

    assertThat(catalog.get("github").map(CatalogEntry::source)).contains(ProfileSource.BUILTIN);
  }

  @Test
  void providerTypeAliasResolvesToTheBuiltinProfile() {
    ProfileCatalog catalog = ProfileCatalog.withBuiltins(List.of());

    assertThat(catalog.forProviderType("gh").map(CatalogEntry::id)).contains("github");
    assertThat(catalog.forProviderType("claude").map(CatalogEntry::id)).contains("claude-code");
    assertThat(catalog.forProviderType("generic")).isEmpty();
  }

  private static ProviderProfile profile(String id) {
    return new ProviderProfile(
        id,
        0,
        Map.of(),
        id,
        "",
        ProfileCategory.OTHER,
        false,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
