package io.openshell.operator.provider;

import static io.openshell.operator.TestObjects.provider;
import static io.openshell.operator.TestObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.TestObjects.FakeCache;
import io.openshell.operator.resolve.ProviderIndexes;
import org.junit.jupiter.api.Test;

/** The provider controller's watch edges. */
class ProviderWatchEdgesTest {
  private final FakeCache<Provider> providers =
      new FakeCache<Provider>()
          .index(ProviderIndexes.BY_SECRET, ProviderIndexes.BY_SECRET_FUNCTION)
          .index(ProviderIndexes.BY_PROFILE, ProviderIndexes.BY_PROFILE_FUNCTION)
          .with(
              provider("a", "gh", "gh", "shared"),
              provider("a", "work-github", "github", "other"),
              provider("b", "gh", "github", "shared"),
              provider("a", "claude", "claude", "shared"));

  @Test
  void secretChangeMapsToTheProvidersOfItsNamespaceThatReferenceIt() {
    var ids = new SecretToProviderMapper(providers).toPrimaryResourceIDs(secret("a", "shared"));

    assertThat(ids)
        .containsExactlyInAnyOrder(new ResourceID("gh", "a"), new ResourceID("claude", "a"));
  }

  @Test
  void profileChangeMapsToProvidersWhoseTypeOrAliasResolvesToIt() {
    ProviderProfile github = new ProviderProfile();
    github.setMetadata(new ObjectMetaBuilder().withName("github").build());

    var ids = new ProfileToProviderMapper(providers).toPrimaryResourceIDs(github);

    assertThat(ids)
        .containsExactlyInAnyOrder(
            new ResourceID("gh", "a"),
            new ResourceID("work-github", "a"),
            new ResourceID("gh", "b"));
  }

  @Test
  void sandboxMapsToTheProvidersItAttachesInItsNamespace() {
    var ids =
        new SandboxToProviderMapper()
            .toPrimaryResourceIDs(
                io.openshell.operator.TestObjects.sandbox("a", "demo", "gh", "claude"));

    assertThat(ids)
        .containsExactlyInAnyOrder(new ResourceID("gh", "a"), new ResourceID("claude", "a"));
  }
}
