package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.NOW;
import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.github;
import static io.openshell.policy.compose.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InUseTest {

  private static SandboxInputs sandbox(String ns, String name, ProviderRecord... attached) {
    List<String> names = java.util.Arrays.stream(attached).map(ProviderRecord::name).toList();
    Map<String, ProviderRecord> records = new java.util.HashMap<>();
    for (ProviderRecord r : attached) {
      records.put(r.name(), r);
    }
    return new SandboxInputs(
        ns, name, Optional.empty(), names, records, catalog(github()), V2, NOW);
  }

  // V: delete_provider_profile_rejects_builtin_and_in_use_custom_profiles (in-use part);
  // an alias type ('gh') does not use 'github' (grpc/provider.rs:3342, parity row H17).
  @Test
  void profileUsedByAttachedProvidersIsInUseNamingSandboxesSorted() {
    Optional<Violation> v =
        InUse.profileInUse(
            "github",
            List.of(
                sandbox("team-b", "box", provider("gh", "GitHub ")),
                sandbox("team-c", "box", provider("gh", "gh")),
                sandbox("team-a", "box", provider("work-github", "github")),
                sandbox("team-a", "other", provider("x", "custom"))));

    assertThat(v)
        .contains(
            Violation.error(
                ViolationCode.IN_USE,
                "",
                "provider profile 'github' is in use by sandboxes: team-a/box, team-b/box"));
  }

  @Test
  void profileWithoutAttachedProvidersIsNotInUse() {
    assertThat(
            InUse.profileInUse(
                "github", List.of(sandbox("team-a", "box", provider("x", "custom")))))
        .isEmpty();
  }

  // V: delete_provider_rejects_attached_provider
  @Test
  void attachedProviderCannotBeDeletedNamingSandboxesSorted() {
    assertThat(
            InUse.providerAttached(
                "team-a",
                "work-github",
                List.of(
                    sandbox("team-a", "zeta", provider("work-github", "github")),
                    sandbox("team-a", "alpha", provider("work-github", "github")),
                    sandbox("team-b", "beta", provider("work-github", "github")))))
        .map(Violation::message)
        .contains("provider 'work-github' is attached to sandbox(es): alpha, zeta");
  }

  @Test
  void detachedProviderCanBeDeleted() {
    assertThat(InUse.providerAttached("work-github", Map.of("box", List.of("other")))).isEmpty();
  }
}
