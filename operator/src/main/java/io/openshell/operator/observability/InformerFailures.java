package io.openshell.operator.observability;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an informer stops for good (JOSDK's default: {@code System.exit(1)} from an
 * informer thread, which took every namespace down with one bad object or one corrupt watch frame).
 * Here the failure is logged with its cause, counted ({@code openshell_operator_failures_total},
 * reason {@code InformerStopped}) and reported by {@code /healthz}, so an orchestrator restarts the
 * process (a fresh list) while the other informers keep reconciling until then.
 */
public final class InformerFailures implements InformerStoppedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(InformerFailures.class);

  private final OperatorMetrics metrics;
  private final Map<String, String> stopped = new ConcurrentHashMap<>();

  public InformerFailures(OperatorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void onStop(SharedIndexInformer informer, Throwable ex) {
    if (ex == null) {
      return; // a controlled stop
    }
    String kind = String.valueOf(informer.getApiTypeClass().getSimpleName());
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    stopped.put(kind, String.valueOf(root.getMessage()));
    metrics.failure("informer", "InformerStopped");
    LOG.atError()
        .addKeyValue("kind", kind)
        .addKeyValue("cause", root.getMessage())
        .setCause(ex)
        .log("informer stopped; /healthz now reports it so the process is restarted");
  }

  /** True while no informer has stopped with an error (the liveness answer). */
  public boolean none() {
    return stopped.isEmpty();
  }
}
