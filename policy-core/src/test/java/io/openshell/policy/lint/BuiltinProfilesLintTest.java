package io.openshell.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.ProviderProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenShell refuses to start with an invalid built-in; ours must lint clean too. */
class BuiltinProfilesLintTest {

  @Test
  void allThirteenBuiltinProfilesLintClean() {
    List<ProviderProfile> builtins =
        BuiltinProfiles.all().stream().map(CatalogEntry::profile).toList();
    assertThat(builtins).hasSize(13);
    assertThat(ProfileLint.validateProfileSet(builtins)).isEmpty();
  }
}
