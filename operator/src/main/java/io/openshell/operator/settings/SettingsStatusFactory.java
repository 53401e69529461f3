package io.openshell.operator.settings;

import static io.openshell.crds.Conditions.*;

import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsStatus;
import io.openshell.operator.status.DesiredCondition;
import io.openshell.operator.status.StatusFactory;
import java.time.Clock;
import java.util.List;

/** Builds the settings status: how many sandboxes exist and how many still wait to re-compose. */
public final class SettingsStatusFactory
    extends StatusFactory<OpenShellSettingsStatus, OpenShellSettings> {

  public SettingsStatusFactory(Clock clock) {
    super(clock);
  }

  /** The status of {@code settings} with {@code sandboxes} sandboxes, {@code pending} not done. */
  public OpenShellSettingsStatus build(OpenShellSettings settings, int sandboxes, int pending) {
    OpenShellSettingsStatus status = begin(settings, OpenShellSettingsStatus::new);
    Long generation = status.getObservedGeneration();
    DesiredCondition applied;
    if (!SettingsNames.SINGLETON.equals(settings.getMetadata().getName())) {
      applied =
          DesiredCondition.isFalse(
              APPLIED,
              REASON_IGNORED,
              "only the OpenShellSettings object named 'cluster' takes effect");
    } else {
      status.setSandboxes(sandboxes);
      status.setPendingSandboxes(pending);
      applied =
          pending == 0
              ? DesiredCondition.isTrue(
                  APPLIED,
                  REASON_APPLIED,
                  "all " + sandboxes + " sandbox(es) re-composed for generation " + generation)
              : DesiredCondition.isFalse(
                  APPLIED,
                  REASON_RECOMPOSING,
                  pending + " of " + sandboxes + " sandbox(es) still to re-compose");
    }
    return withConditions(status, settings, List.of(applied));
  }
}
