package io.openshell.operator.profile;

import static io.openshell.testsupport.StatusConditions.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.ProviderProfileStatus;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileStatusFactoryTest {
  private final ProfileStatusFactory factory =
      new ProfileStatusFactory(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private static ProviderProfile profile() {
    ProviderProfile p = new ProviderProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("custom").withGeneration(3L).build());
    return p;
  }

  @Test
  void lintErrorsMakeTheProfileInvalidWithDiagnostics() {
    var error =
        Violation.error(
            ViolationCode.INVALID_PROFILE, "binaries[0]", "binary path must not be empty");

    ProviderProfileStatus s =
        factory.build(profile(), new ProfileObservation(List.of(error), 0, 0, Optional.empty()));

    assertThat(find(s, "Accepted").getReason()).isEqualTo("Invalid");
    assertThat(find(s, "Accepted").getMessage())
        .isEqualTo("binaries[0]: binary path must not be empty");
    assertThat(s.getDiagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getSeverity()).isEqualTo("error");
              assertThat(d.getField()).isEqualTo("binaries[0]");
            });
    assertThat(find(s, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void warningsAloneKeepTheProfileAccepted() {
    var warning =
        Violation.warning(ViolationCode.INVALID_PROFILE, "binaries[0]", "harness dropped");

    ProviderProfileStatus s =
        factory.build(profile(), new ProfileObservation(List.of(warning), 2, 1, Optional.empty()));

    assertThat(find(s, "Accepted").getStatus()).isEqualTo("True");
    assertThat(s.getUsedBy().getProviders()).isEqualTo(2);
    assertThat(s.getUsedBy().getSandboxes()).isEqualTo(1);
    assertThat(s.getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void blockedDeleteMakesReadyFalseInUse() {
    ProviderProfileStatus s =
        factory.build(
            profile(),
            new ProfileObservation(
                List.of(),
                1,
                1,
                Optional.of("provider profile 'custom' is in use by sandboxes: a/demo")));

    assertThat(find(s, "Ready").getReason()).isEqualTo("InUse");
    assertThat(find(s, "Accepted").getStatus()).isEqualTo("True");
  }
}
