package io.openshell.operator.sandbox;

import static io.openshell.operator.TestObjects.provider;
import static io.openshell.operator.TestObjects.sandbox;
import static io.openshell.operator.TestObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.TestObjects;
import io.openshell.operator.TestObjects.FakeCache;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import org.junit.jupiter.api.Test;

/** The sandbox controller's watch edges map a change to exactly the sandboxes that use it. */
class WatchEdgeMappersTest {
  private final FakeCache<Sandbox> sandboxes =
      new FakeCache<Sandbox>()
          .index(SandboxIndexes.BY_PROVIDER, SandboxIndexes.BY_PROVIDER_FUNCTION)
          .with(
              sandbox("a", "uses-gh", "gh"),
              sandbox("a", "uses-both", "gh", "api"),
              sandbox("a", "uses-none"),
              sandbox("b", "other-ns", "gh"));
  private final FakeCache<Provider> providers =
      new FakeCache<Provider>()
          .index(ProviderIndexes.BY_SECRET, ProviderIndexes.BY_SECRET_FUNCTION)
          .index(ProviderIndexes.BY_PROFILE, ProviderIndexes.BY_PROFILE_FUNCTION)
          .with(
              provider("a", "gh", "gh", "gh-creds"),
              provider("a", "api", "internal-api", "api-creds"));

  @Test
  void providerChangeMapsToTheSandboxesOfItsNamespaceThatAttachIt() {
    var ids =
        new ProviderToSandboxMapper(sandboxes)
            .toPrimaryResourceIDs(provider("a", "gh", "gh", null));

    assertThat(ids)
        .containsExactlyInAnyOrder(
            new ResourceID("uses-gh", "a"), new ResourceID("uses-both", "a"));
  }

  @Test
  void secretChangeMapsThroughItsProvidersToTheirSandboxes() {
    var ids =
        new SecretToSandboxMapper(providers, sandboxes)
            .toPrimaryResourceIDs(secret("a", "api-creds"));

    assertThat(ids).containsExactly(new ResourceID("uses-both", "a"));
  }

  @Test
  void unreferencedSecretMapsToNothing() {
    var ids =
        new SecretToSandboxMapper(providers, sandboxes).toPrimaryResourceIDs(secret("a", "stray"));

    assertThat(ids).isEmpty();
  }

  @Test
  void profileChangeMapsThroughAliasResolvedProvidersToTheirSandboxes() {
    ProviderProfile github = new ProviderProfile();
    github.setMetadata(new ObjectMetaBuilder().withName("github").build());

    var ids = new ProfileToSandboxMapper(providers, sandboxes).toPrimaryResourceIDs(github);

    assertThat(ids)
        .containsExactlyInAnyOrder(
            new ResourceID("uses-gh", "a"), new ResourceID("uses-both", "a"));
  }

  @Test
  void settingsChangeMapsToEverySandbox() {
    var ids =
        new SettingsToSandboxMapper(sandboxes).toPrimaryResourceIDs(TestObjects.settings(true, 1));

    assertThat(ids).hasSize(4);
  }

  @Test
  void settingsObjectNotNamedClusterMapsToNothing() {
    OpenShellSettings other = TestObjects.settings(true, 1);
    other.getMetadata().setName("not-cluster");

    assertThat(new SettingsToSandboxMapper(sandboxes).toPrimaryResourceIDs(other)).isEmpty();
  }
}
