package io.openshell.operator.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The operator's own metrics (JOSDK's framework metrics are registered separately). Labels are
 * closed vocabularies (kind, result, condition reason), never object names, to keep cardinality
 * bounded.
 */
public final class OperatorMetrics {
  private final MeterRegistry registry;
  private final Timer composition;
  private final Timer propagation;
  private final Timer reconcileCpu;
  private final Timer queued;
  private final Timer configMapWrite;
  private final Timer statusWrite;

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.composition =
        Timer.builder("openshell.policy.composition")
            .description("Time to resolve inputs and compose one sandbox's effective policy")
            .publishPercentileHistogram()
            .register(registry);
    this.propagation =
        Timer.builder("openshell.policy.propagation")
            .description(
                "Time from an observed input change (sandbox, provider, Secret, profile, settings)"
                    + " to the ConfigMap write")
            .publishPercentileHistogram()
            .register(registry);
    this.reconcileCpu =
        Timer.builder("openshell.sandbox.reconcile.cpu")
            .description(
                "CPU time of the reconciling thread for one sandbox reconcile (resolve, compose,"
                    + " compare, send the writes); time blocked on the API server is not CPU time")
            .register(registry);
    this.queued =
        Timer.builder("openshell.sandbox.reconcile.queued")
            .description(
                "Time from the latest observed input change to the start of the sandbox reconcile"
                    + " that handles it (waiting in the reconcile pool)")
            .register(registry);
    this.configMapWrite = apiWrite(registry, "configmap");
    this.statusWrite = apiWrite(registry, "status");
  }

  private static Timer apiWrite(MeterRegistry registry, String object) {
    return Timer.builder("openshell.sandbox.api.write")
        .description("Wall time of one sandbox write to the API server, by object")
        .tag("object", object)
        .register(registry);
  }

  /** The registry the meters live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts one finished reconcile of {@code kind} ({@code ok} or {@code error}). */
  public void reconciled(String kind, boolean ok) {
    Counter.builder("openshell.reconciles")
        .description("Reconciles by kind and result")
        .tag("kind", kind)
        .tag("result", ok ? "ok" : "error")
        .register(registry)
        .increment();
  }

  /** Counts one failed composition or resolution, by condition reason. */
  public void failure(String kind, String reason) {
    Counter.builder("openshell.reconcile.failures")
        .description("Rejected or failed reconciles by kind and condition reason")
        .tag("kind", kind)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Records how long one composition took. */
  public void compositionTook(long nanos) {
    composition.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the latency from an input change to the ConfigMap write. */
  public void propagationTook(Duration latency) {
    propagation.record(latency);
  }

  /** Records the CPU time one sandbox reconcile took. */
  public void reconcileCpuTook(long nanos) {
    reconcileCpu.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records how long a change waited before its reconcile started. */
  public void queuedFor(Duration wait) {
    queued.record(wait);
  }

  /** Records the wall time of one ConfigMap write. */
  public void configMapWriteTook(long nanos) {
    configMapWrite.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the wall time of one status write. */
  public void statusWriteTook(long nanos) {
    statusWrite.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the number of layers of a composed policy. */
  public void layers(int count) {
    DistributionSummary.builder("openshell.policy.layers")
        .description("Provider layers per composed sandbox policy")
        .register(registry)
        .record(count);
  }
}
