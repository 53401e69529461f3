package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.policy.compose.CompositionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the policy ConfigMap for an accepted composition and leaves it alone for a rejected one
 * (never widen access on bad input: the ConfigMap keeps its last good content), with the
 * propagation metric and one log line either way.
 */
final class PolicyDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyDelivery.class);

  private final PolicyConfigMapDependent configMap;
  private final OperatorMetrics metrics;
  private final PendingChanges pending;

  PolicyDelivery(
      PolicyConfigMapDependent configMap, OperatorMetrics metrics, PendingChanges pending) {
    this.configMap = configMap;
    this.metrics = metrics;
    this.pending = pending;
  }

  void deliver(
      Sandbox sandbox,
      Context<Sandbox> context,
      CompositionResult result,
      long settingsGeneration) {
    ResourceID id = ResourceID.fromResource(sandbox);
    if (result instanceof CompositionResult.Composed composed) {
      Long generation = sandbox.getMetadata().getGeneration();
      context
          .managedWorkflowAndDependentResourceContext()
          .put(
              PolicyConfigMapDependent.DOCUMENT,
              composed.effective().bundle(generation == null ? 0 : generation, settingsGeneration));
      long writeStart = System.nanoTime();
      ReconcileResult<?> written = configMap.reconcile(sandbox, context);
      if (written.getSingleOperation() != ReconcileResult.Operation.NONE) {
        metrics.configMapWriteTook(System.nanoTime() - writeStart);
        pending.complete(id).ifPresent(metrics::propagationTook);
        LOG.atInfo()
            .addKeyValue("sandbox", id)
            .addKeyValue("hash", composed.effective().policyHash())
            .addKeyValue("layers", composed.effective().layers().size())
            .log("effective policy delivered");
      } else {
        pending.discard(id);
      }
      metrics.layers(composed.effective().layers().size());
    } else {
      var rejected = (CompositionResult.Rejected) result;
      String reason = rejected.violations().get(0).code().reason();
      pending.discard(id);
      metrics.failure(SandboxReconciler.NAME, reason);
      LOG.atInfo()
          .addKeyValue("sandbox", id)
          .addKeyValue("reason", reason)
          .log("composition rejected; last good policy kept");
    }
  }
}
