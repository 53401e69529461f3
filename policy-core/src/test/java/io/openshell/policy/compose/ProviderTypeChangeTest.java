package io.openshell.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.ViolationCode;
import org.junit.jupiter.api.Test;

class ProviderTypeChangeTest {
  @Test
  void aChangedTypeIsRefusedWithOpenShellsWording() {
    var v = ProviderTypeChange.check("p", "api-01", "github").orElseThrow();

    assertThat(v.code()).isEqualTo(ViolationCode.PROVIDER_TYPE_CHANGED);
    assertThat(v.message())
        .isEqualTo(
            "provider 'p' type changed from 'api-01' to 'github': provider type cannot be changed;"
                + " delete and recreate the provider");
  }

  @Test
  void theFirstTypeSeenOrTheSameTypeIsFine() {
    assertThat(ProviderTypeChange.check("p", null, "github")).isEmpty();
    assertThat(ProviderTypeChange.check("p", "github", "github")).isEmpty();
  }
}
