package io.openshell.operator.settings;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsStatus;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.status.ConditionList;
import io.openshell.operator.status.StatusUpdate;
import java.time.Duration;
import java.util.List;

/**
 * OpenShellSettings: reports how far every sandbox's re-composition has come for the current
 * generation. The re-composition itself is the sandbox controller's (its settings watch edge).
 */
@ControllerConfiguration(name = SettingsReconciler.NAME)
public class SettingsReconciler implements Reconciler<OpenShellSettings> {
  public static final String NAME = "settings";
  private static final Duration RECHECK = Duration.ofSeconds(2);

  private final SettingsStatusFactory statusFactory;
  private final SettingsProgress progress;
  private final OperatorMetrics metrics;
  private final StatusUpdate statusUpdate;

  public SettingsReconciler(
      SettingsStatusFactory statusFactory,
      SettingsProgress progress,
      OperatorMetrics metrics,
      StatusUpdate statusUpdate) {
    this.statusFactory = statusFactory;
    this.progress = progress;
    this.metrics = metrics;
    this.statusUpdate = statusUpdate;
  }

  @Override
  public List<EventSource<?, OpenShellSettings>> prepareEventSources(
      EventSourceContext<OpenShellSettings> context) {
    // Tells the progress counts which sandboxes exist, so reconcile never lists them all.
    var sandboxes =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Sandbox.class, OpenShellSettings.class)
                .withName("sandboxes")
                .withSecondaryToPrimaryMapper(new SandboxToSettingsMapper())
                .build(),
            context) {
          @Override
          public void onAdd(Sandbox sandbox) {
            progress.present(ResourceID.fromResource(sandbox));
            super.onAdd(sandbox);
          }

          @Override
          public void onDelete(Sandbox sandbox, boolean deletedFinalStateUnknown) {
            progress.gone(ResourceID.fromResource(sandbox));
            super.onDelete(sandbox, deletedFinalStateUnknown);
          }
        };
    return List.of(sandboxes);
  }

  @Override
  public UpdateControl<OpenShellSettings> reconcile(
      OpenShellSettings settings, Context<OpenShellSettings> context) {
    var unreadable =
        statusUpdate.invalidSpec(settings, OpenShellSettingsStatus::new, NAME, context);
    if (unreadable.isPresent()) {
      return unreadable.get();
    }
    long generation =
        settings.getMetadata().getGeneration() == null ? 0 : settings.getMetadata().getGeneration();
    // A restart changes no settings: sandboxes not yet seen since then count as caught up when the
    // stored status already said this generation was applied (no Applied -> Recomposing flap).
    int pending = progress.pending(generation, appliedAt(settings, generation));
    OpenShellSettingsStatus status = statusFactory.build(settings, progress.sandboxes(), pending);
    metrics.reconciled(NAME, true);
    UpdateControl<OpenShellSettings> control =
        statusUpdate.writeIfChanged(settings, status, context);
    // Re-composition happens in the sandbox controller; look again until it has caught up.
    return pending > 0 ? control.rescheduleAfter(RECHECK) : control;
  }

  @Override
  public ErrorStatusUpdateControl<OpenShellSettings> updateErrorStatus(
      OpenShellSettings settings, Context<OpenShellSettings> context, Exception e) {
    return statusUpdate.failed(settings, OpenShellSettingsStatus::new, NAME, context, e);
  }

  private static boolean appliedAt(OpenShellSettings settings, long generation) {
    var status = settings.getStatus();
    return status != null
        && status.getObservedGeneration() != null
        && status.getObservedGeneration() == generation
        && ConditionList.isTrue(status.getConditions(), Conditions.APPLIED);
  }
}
