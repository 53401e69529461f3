package io.openshell.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.openshell.policy.format.PolicyBundle.Names;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the applied hash as the pod annotation {@code openshell.io/applied-policy-hash} with a
 * JSON merge patch, retrying with backoff until it lands. Only the newest hash is ever sent.
 */
final class PodAnnotationReporter implements AppliedHashReporter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodAnnotationReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String namespace;
  private final String podName;
  private final AgentState state;
  private final Backoff backoff;
  // One thread: attempts never overlap, so "newest wins" needs no further locking.
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "applied-hash-reporter");
            t.setDaemon(true);
            return t;
          });
  private volatile String desired;
  private String reported;
  private ScheduledFuture<?> retry;

  PodAnnotationReporter(
      KubernetesClient client,
      String namespace,
      String podName,
      AgentState state,
      Backoff backoff) {
    this.client = client;
    this.namespace = namespace;
    this.podName = podName;
    this.state = state;
    this.backoff = backoff;
  }

  @Override
  public void report(String hash) {
    desired = hash;
    executor.execute(this::attempt);
  }

  private void attempt() {
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    String hash = desired;
    if (hash == null || hash.equals(reported)) {
      return;
    }
    try {
      String patch =
          JSON.writeValueAsString(
              Map.of(
                  "metadata",
                  Map.of("annotations", Map.of(Names.APPLIED_POLICY_HASH_ANNOTATION, hash))));
      // Patch through a skeleton item: by name alone the client first GETs the pod, which would
      // need an extra RBAC verb. The merge patch carries no resourceVersion, so it cannot conflict.
      Pod skeleton =
          new PodBuilder()
              .withNewMetadata()
              .withName(podName)
              .withNamespace(namespace)
              .endMetadata()
              .build();
      client
          .pods()
          .inNamespace(namespace)
          .resource(skeleton)
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      reported = hash;
      backoff.reset();
      state.reported(hash);
      LOG.info("reported applied hash={} pod={}/{}", hash, namespace, podName);
    } catch (Exception e) {
      // Any failure (API down, 403, 404, timeout) is retried: the annotation must land eventually.
      state.reportFailed();
      long delay = backoff.next().toMillis();
      LOG.warn(
          "cannot report applied hash pod={}/{} retryInMs={} error={}",
          namespace,
          podName,
          delay,
          e.getMessage());
      retry = executor.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
