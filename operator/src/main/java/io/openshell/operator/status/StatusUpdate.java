package io.openshell.operator.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.openshell.crds.Conditions;
import io.openshell.crds.read.ReadableSpec;
import io.openshell.crds.v1alpha1.ObservedStatus;
import io.openshell.operator.observability.OperatorMetrics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one status step of every reconciler: compare the built status with the stored one ({@link
 * StatusDiff}), record an Event per changed condition ({@link ConditionEvents}), set it and write
 * it ({@link StatusWriter}). Also the two statuses every kind shares: a spec that cannot be read
 * ({@code Ready=False InvalidSpec}) and a failed reconcile ({@code Ready=False ReconcileFailed}).
 */
public final class StatusUpdate {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final int MAX_MESSAGE = 512;

  private final ConditionEvents events;
  private final OperatorMetrics metrics;
  private final Clock clock;

  public StatusUpdate(ConditionEvents events, OperatorMetrics metrics, Clock clock) {
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Writes {@code status} when it differs from the stored one; the reconcile asks for no more. */
  public <S extends ObservedStatus, P extends CustomResource<?, S>> UpdateControl<P> writeIfChanged(
      P resource, S status, Context<P> context) {
    writeIfChanged(resource, status, context.getClient());
    return UpdateControl.noUpdate();
  }

  /** The same for paths without an {@link UpdateControl} (cleanup, error handling). */
  public <S extends ObservedStatus, P extends CustomResource<?, S>> void writeIfChanged(
      P resource, S status, KubernetesClient client) {
    S old = resource.getStatus();
    if (StatusDiff.same(old, status)) {
      return;
    }
    events.record(resource, old == null ? null : old.getConditions(), status.getConditions());
    resource.setStatus(status);
    StatusWriter.replace(client, resource);
  }

  /**
   * The problems of an unreadable spec, when there are any: then {@code Ready=False InvalidSpec}
   * naming each field is written (other status fields keep their last value) and nothing else is
   * derived from the object.
   */
  public <S extends ObservedStatus, P extends CustomResource<? extends ReadableSpec, S>>
      Optional<UpdateControl<P>> invalidSpec(
          P resource, Supplier<S> empty, String kind, Context<P> context) {
    ReadableSpec spec = resource.getSpec();
    if (spec == null || spec.isReadable()) {
      return Optional.empty();
    }
    String message = "the stored spec cannot be read: " + spec.readProblemsText();
    return Optional.of(
        notReady(resource, empty, kind, Conditions.REASON_INVALID_SPEC, message, context));
  }

  /**
   * {@code Ready=False reason message}, every other status field kept (last good), counted as a
   * failure of {@code kind} with {@code reason}.
   */
  public <S extends ObservedStatus, P extends CustomResource<?, S>> UpdateControl<P> notReady(
      P resource,
      Supplier<S> empty,
      String kind,
      String reason,
      String message,
      Context<P> context) {
    metrics.failure(kind, reason);
    return writeIfChanged(resource, withReady(resource, empty, reason, message), context);
  }

  /**
   * {@code Ready=False ReconcileFailed} with the cause: no failure is silent (JOSDK retries the
   * reconcile with back-off; the next good reconcile replaces the condition).
   */
  public <S extends ObservedStatus, P extends CustomResource<?, S>>
      ErrorStatusUpdateControl<P> failed(
          P resource, Supplier<S> empty, String kind, Context<P> context, Exception e) {
    metrics.failure(kind, Conditions.REASON_RECONCILE_FAILED);
    S status = withReady(resource, empty, Conditions.REASON_RECONCILE_FAILED, causeOf(e));
    try {
      writeIfChanged(resource, status, context.getClient());
    } catch (RuntimeException writeFailed) {
      // The API is what failed; the retry will try again. Nothing else to report it through.
      e.addSuppressed(writeFailed);
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** A copy of the stored status (or an empty one) with {@code Ready=False reason message}. */
  private <S extends ObservedStatus, P extends CustomResource<?, S>> S withReady(
      P resource, Supplier<S> empty, String reason, String message) {
    S old = resource.getStatus();
    S status = old == null ? empty.get() : JSON.clone(old);
    Long generation = resource.getMetadata().getGeneration();
    status.setObservedGeneration(generation);
    status.setConditions(
        ConditionList.replace(
            old == null ? null : old.getConditions(),
            DesiredCondition.isFalse(Conditions.READY, reason, message),
            generation,
            clock.instant()));
    return status;
  }

  /** The innermost cause's message, one line, bounded: what the user can act on. */
  static String causeOf(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    text = text.replace('\n', ' ').strip();
    text = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    return "reconcile failed (retrying): " + text;
  }
}
