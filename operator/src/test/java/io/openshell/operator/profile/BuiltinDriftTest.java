package io.openshell.operator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.Labels;
import io.openshell.policy.catalog.BuiltinProfiles;
import org.junit.jupiter.api.Test;

/** What counts as drift of a built-in profile object (and so triggers a restore). */
class BuiltinDriftTest {
  private static ProviderProfile github() {
    return BuiltinProfileInstaller.desired(
        BuiltinProfiles.all().stream()
            .filter(e -> e.id().equals("github"))
            .findFirst()
            .orElseThrow());
  }

  @Test
  void theDesiredObjectIsNotDrift() {
    assertThat(BuiltinProfileInstaller.drifted(github())).isFalse();
  }

  @Test
  void explicitDefaultsAreNotDrift() {
    ProviderProfile p = github();
    p.getSpec().setInferenceCapable(false);

    assertThat(BuiltinProfileInstaller.drifted(p)).isFalse();
  }

  @Test
  void anAddedAnnotationIsNotDrift() {
    ProviderProfile p = github();
    p.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of("team", "infra")));

    assertThat(BuiltinProfileInstaller.drifted(p)).isFalse();
  }

  @Test
  void aChangedSpecIsDrift() {
    ProviderProfile p = github();
    p.getSpec().setDisplayName("Not GitHub");

    assertThat(BuiltinProfileInstaller.drifted(p)).isTrue();
  }

  @Test
  void aRemovedSourceLabelIsDrift() {
    ProviderProfile p = github();
    p.getMetadata().getLabels().remove(Labels.SOURCE);

    assertThat(BuiltinProfileInstaller.drifted(p)).isTrue();
  }
}
