package io.openshell.operator.settings;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsStatus;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.observability.ConditionEvents;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.status.StatusDiff;
import io.openshell.operator.status.StatusWriter;
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
  private final ConditionEvents events;

  public SettingsReconciler(
      SettingsStatusFactory statusFactory,
      SettingsProgress progress,
      OperatorMetrics metrics,
      ConditionEvents events) {
    this.statusFactory = statusFactory;
    this.progress = progress;
    this.metrics = metrics;
    this.events = events;
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
    long generation =
        settings.getMetadata().getGeneration() == null ? 0 : settings.getMetadata().getGeneration();
    int pending = progress.pending(generation);
    OpenShellSettingsStatus status = statusFactory.build(settings, progress.sandboxes(), pending);
    metrics.reconciled(NAME, true);
    UpdateControl<OpenShellSettings> control;
    if (StatusDiff.same(settings.getStatus(), status)) {
      control = UpdateControl.noUpdate();
    } else {
      events.record(
          settings,
          settings.getStatus() == null ? null : settings.getStatus().getConditions(),
          status.getConditions());
      settings.setStatus(status);
      control = StatusWriter.replaceStatus(context, settings);
    }
    // Re-composition happens in the sandbox controller; look again until it has caught up.
    return pending > 0 ? control.rescheduleAfter(RECHECK) : control;
  }
}
