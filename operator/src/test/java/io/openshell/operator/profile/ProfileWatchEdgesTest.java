package io.openshell.operator.profile;

import static io.openshell.operator.TestObjects.provider;
import static io.openshell.operator.TestObjects.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.operator.TestObjects.FakeCache;
import org.junit.jupiter.api.Test;

/** The profile controller's watch edges. */
class ProfileWatchEdgesTest {
  @Test
  void providerMapsToTheProfileItsAliasResolvesTo() {
    var ids =
        new ProviderToProfileMapper().toPrimaryResourceIDs(provider("a", "p", "claude", null));

    assertThat(ids).containsExactly(new ResourceID("claude-code"));
  }

  @Test
  void providerWithATypeThatCannotNameAProfileMapsToNothing() {
    var ids =
        new ProviderToProfileMapper()
            .toPrimaryResourceIDs(provider("a", "p", "Not_A_Profile", null));

    assertThat(ids).isEmpty();
  }

  @Test
  void sandboxMapsToTheProfilesOfItsExistingProviders() {
    FakeCache<Provider> providers =
        new FakeCache<Provider>()
            .with(provider("a", "gh", "gh", null), provider("a", "api", "internal-api", null));

    var ids =
        new SandboxToProfileMapper(providers)
            .toPrimaryResourceIDs(sandbox("a", "demo", "gh", "api", "ghost"));

    assertThat(ids)
        .containsExactlyInAnyOrder(new ResourceID("github"), new ResourceID("internal-api"));
  }
}
