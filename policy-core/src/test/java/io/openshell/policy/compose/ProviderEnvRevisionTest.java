package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.bound;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.endpointless;
import static io.openshell.policy.compose.Fixtures.github;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.rest;
import static io.openshell.policy.compose.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderEnvRevisionTest {
  private static final SandboxPolicy BASE = policy("u", rule("u", rest("a.example.com", 443)));
  private static final ProfileCatalog CATALOG =
      catalog(github(), endpointless("google-cloud", "GCP_SA_ACCESS_TOKEN"));

  private static String revision(
      SandboxPolicy base, ProfileCatalog catalog, ProviderRecord... records) {
    SandboxInputs in = inputs(base, catalog, V2, records);
    return ProviderEnvRevision.compute(Composition.resolve(in), in.policy());
  }

  private static ProviderRecord gh(String revision, String... keys) {
    return new ProviderRecord(
        "work-github", "github", List.of(keys), List.of(), Map.of(), false, revision);
  }

  @Test
  void revisionIsAStableHexDigest() {
    String a = revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN"));
    String b = revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN"));

    assertThat(a).matches("[0-9a-f]{64}").isEqualTo(b);
  }

  // Q: sandbox_config_and_provider_env_follow_attached_provider_lifecycle
  @Test
  void attachAndDetachChangeTheRevision() {
    String none = revision(BASE, CATALOG);
    String attached = revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN"));

    assertThat(attached).isNotEqualTo(none);
  }

  @Test
  void reorderingProvidersChangesTheRevision() {
    ProviderRecord gcp = provider("gcp", "google-cloud", "GCP_SA_ACCESS_TOKEN");
    assertThat(revision(BASE, CATALOG, gh("1"), gcp))
        .isNotEqualTo(revision(BASE, CATALOG, gcp, gh("1")));
  }

  // Q: provider_env_revision_changes_on_consecutive_provider_updates_without_delay
  @Test
  void everyProviderWriteChangesTheRevision() {
    assertThat(revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN")))
        .isNotEqualTo(revision(BASE, CATALOG, gh("2", "GITHUB_TOKEN")));
  }

  @Test
  void credentialKeySetChangesTheRevision() {
    assertThat(revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN")))
        .isNotEqualTo(revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN", "GH_TOKEN")));
  }

  @Test
  void credentialExpiryChangesTheRevision() {
    ProviderRecord expiring =
        new ProviderRecord(
            "work-github",
            "github",
            List.of("GITHUB_TOKEN"),
            List.of(),
            Map.of("GITHUB_TOKEN", Instant.parse("2027-01-01T00:00:00Z")),
            false,
            "1");
    assertThat(revision(BASE, CATALOG, expiring))
        .isNotEqualTo(revision(BASE, CATALOG, gh("1", "GITHUB_TOKEN")));
  }

  // Q: sandbox_config_uses_updated_custom_provider_profile_without_rewriting_provider;
  // Q: provider_env_revision_changes_when_custom_profile_token_grant_changes
  @Test
  void profileContentChangeChangesTheRevision() {
    ProviderProfile v1 =
        Fixtures.profile("custom-api", List.of(), List.of(rest("v1.example.com", 443)));
    ProviderProfile v2 =
        Fixtures.profile("custom-api", List.of(), List.of(rest("v2.example.com", 443)));
    ProviderRecord p = provider("work-custom", "custom-api", "CUSTOM_KEY");

    String before =
        revision(BASE, ProfileCatalog.of(List.of(new CatalogEntry(v1, ProfileSource.USER, 3))), p);
    String after =
        revision(BASE, ProfileCatalog.of(List.of(new CatalogEntry(v2, ProfileSource.USER, 3))), p);

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void policyCredentialBindingsChangeTheRevision() {
    ProviderRecord gcp = provider("gcp", "google-cloud", "GCP_SA_ACCESS_TOKEN");
    SandboxPolicy boundBase =
        policy(
            "u", rule("u", rest("a.example.com", 443)),
            "b", rule("b", bound("storage.googleapis.com", 443, "gcp")));

    assertThat(revision(boundBase, CATALOG, gcp)).isNotEqualTo(revision(BASE, CATALOG, gcp));
  }

  // Q: provider_environment_resolution_is_unchanged_by_providers_v2_setting
  @Test
  void revisionDoesNotDependOnTheProvidersV2Setting() {
    SandboxInputs on = inputs(BASE, CATALOG, V2, gh("1", "GITHUB_TOKEN"));
    SandboxInputs off = inputs(BASE, CATALOG, Fixtures.V1, gh("1", "GITHUB_TOKEN"));

    assertThat(ProviderEnvRevision.compute(Composition.resolve(on), on.policy()))
        .isEqualTo(ProviderEnvRevision.compute(Composition.resolve(off), off.policy()));
  }

  @Test
  void missingProviderIsPartOfTheRevision() {
    SandboxInputs in =
        new SandboxInputs(
            "ns", "box", Optional.of(BASE), List.of("ghost"), Map.of(), CATALOG, V2, Fixtures.NOW);

    assertThat(ProviderEnvRevision.compute(Composition.resolve(in), in.policy()))
        .isNotEqualTo(revision(BASE, CATALOG));
  }
}
