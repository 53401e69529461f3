package io.openshell.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileConcurrencyTest {
  @Test
  void aStaleFileIsRefusedWithOpenShellsTextAndTheStoredVersion() {
    // grpc/provider.rs:2572
    assertThat(ProfileConcurrency.stale(3L))
        .isEqualTo("provider profile was modified concurrently (current resource_version: 3)");
  }

  @Test
  void exhaustedRetriesUseOpenShellsConcurrentModificationText() {
    // grpc/mod.rs:98, "{operation} failed due to concurrent modification (...)"
    assertThat(ProfileConcurrency.retriesExhausted(4L))
        .isEqualTo(
            "update provider profile failed due to concurrent modification (current"
                + " resource_version: 4)");
  }
}
