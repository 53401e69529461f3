package io.openshell.operator.sandbox;

import static io.openshell.operator.TestObjects.provider;
import static io.openshell.operator.TestObjects.sandbox;
import static io.openshell.operator.TestObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.TestObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxInputsResolverTest {
  private final SandboxInputsResolver resolver =
      new SandboxInputsResolver(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private static SandboxLookups lookups(
      Map<String, Provider> providers, Map<String, Secret> secrets, OpenShellSettings settings) {
    return new SandboxLookups() {
      @Override
      public Optional<Provider> provider(String namespace, String name) {
        return Optional.ofNullable(providers.get(name));
      }

      @Override
      public Optional<Secret> credentialsSecret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(name));
      }

      @Override
      public Collection<ProviderProfile> profiles() {
        return List.of();
      }

      @Override
      public Optional<OpenShellSettings> settings() {
        return Optional.ofNullable(settings);
      }
    };
  }

  @Test
  void missingProvidersAreListedAndLeftOutOfTheRecords() {
    var resolved =
        resolver.resolve(
            sandbox("a", "demo", "gh", "ghost"),
            lookups(Map.of("gh", provider("a", "gh", "github", null)), Map.of(), null));

    assertThat(resolved.missingProviders()).containsExactly("ghost");
    assertThat(resolved.inputs().providerRecords()).containsOnlyKeys("gh");
    assertThat(resolved.inputs().providers()).containsExactly("gh", "ghost");
  }

  @Test
  void recordCarriesSecretKeyNamesAndTheProviderSpecAndSecretVersions() {
    var resolved =
        resolver.resolve(
            sandbox("a", "demo", "gh"),
            lookups(
                Map.of("gh", provider("a", "gh", "github", "creds")),
                Map.of("creds", secret("a", "creds", "GITHUB_TOKEN", "GH_TOKEN")),
                null));

    var record = resolved.inputs().providerRecords().get("gh");
    assertThat(record.credentialKeys()).containsExactly("GH_TOKEN", "GITHUB_TOKEN");
    assertThat(record.revision()).isEqualTo("uid-gh:1/9");
  }

  @Test
  void providerWhoseTypeHasNoProfileIsReportedProfileless() {
    var resolved =
        resolver.resolve(
            sandbox("a", "demo", "x"),
            lookups(Map.of("x", provider("a", "x", "generic", null)), Map.of(), null));

    assertThat(resolved.profilelessProviders()).containsExactly("x");
  }

  @Test
  void absentSettingsMeanDefaults() {
    var resolved = resolver.resolve(sandbox("a", "demo"), lookups(Map.of(), Map.of(), null));

    assertThat(resolved.inputs().settings().providersV2Enabled()).isFalse();
    assertThat(resolved.settingsGeneration()).isZero();
  }

  @Test
  void settingsObjectEnablesProvidersV2WithItsGeneration() {
    var resolved =
        resolver.resolve(
            sandbox("a", "demo"), lookups(Map.of(), Map.of(), TestObjects.settings(true, 4)));

    assertThat(resolved.inputs().settings().providersV2Enabled()).isTrue();
    assertThat(resolved.settingsGeneration()).isEqualTo(4);
  }

  @Test
  void duplicateAttachmentsAreComposedOnce() {
    var resolved =
        resolver.resolve(sandbox("a", "demo", "gh", "gh"), lookups(Map.of(), Map.of(), null));

    assertThat(resolved.inputs().providers()).containsExactly("gh");
  }
}
