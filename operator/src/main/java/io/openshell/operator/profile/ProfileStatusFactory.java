package io.openshell.operator.profile;

import static io.openshell.crds.Conditions.*;

import io.openshell.crds.v1alpha1.Diagnostic;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.ProviderProfileStatus;
import io.openshell.crds.v1alpha1.UsageCounts;
import io.openshell.operator.status.DesiredCondition;
import io.openshell.operator.status.StatusFactory;
import io.openshell.policy.Violation;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Builds a ProviderProfile's status: lint result, diagnostics, usage counts. */
public final class ProfileStatusFactory
    extends StatusFactory<ProviderProfileStatus, ProviderProfile> {

  public ProfileStatusFactory(Clock clock) {
    super(clock);
  }

  /** The status {@code profile} should have after {@code o}. */
  public ProviderProfileStatus build(ProviderProfile profile, ProfileObservation o) {
    ProviderProfileStatus status = begin(profile, ProviderProfileStatus::new);
    status.setDiagnostics(
        o.lint().stream()
            .map(v -> new Diagnostic(v.severity().label(), v.field(), v.message()))
            .toList());
    UsageCounts usedBy = new UsageCounts();
    usedBy.setProviders(o.providers());
    usedBy.setSandboxes(o.sandboxes());
    status.setUsedBy(usedBy);

    List<Violation> errors = o.lint().stream().filter(Violation::isError).toList();
    long warnings = o.lint().size() - errors.size();
    DesiredCondition accepted =
        errors.isEmpty()
            ? DesiredCondition.isTrue(
                ACCEPTED,
                REASON_VALID,
                warnings == 0
                    ? "provider profile lint passed"
                    : "provider profile lint passed with " + warnings + " warning(s)")
            : DesiredCondition.isFalse(
                ACCEPTED,
                REASON_INVALID,
                errors.stream()
                    .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
                    .collect(Collectors.joining("\n")));
    DesiredCondition ready;
    if (o.inUseMessage().isPresent()) {
      ready = DesiredCondition.isFalse(READY, REASON_IN_USE, o.inUseMessage().get());
    } else if (!accepted.status()) {
      ready = DesiredCondition.isFalse(READY, REASON_INVALID, accepted.message());
    } else {
      ready = DesiredCondition.isTrue(READY, REASON_VALID, "the profile is usable by providers");
    }
    return withConditions(status, profile, List.of(accepted, ready));
  }
}
