package io.openshell.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.Conditions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Event for each condition transition (status or reason change): {@code
 * Normal} when the condition became True, {@code Warning} when False. Messages are condition
 * messages, which never carry credential values.
 *
 * <p>Events are sent by one background thread, in order, so a reconcile never waits for them (a new
 * sandbox has four transitions: four API round trips that used to delay its ConfigMap). Best
 * effort, as before: when more than {@value #MAX_QUEUED} are waiting, further ones are dropped.
 */
public final class ConditionEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionEvents.class);
  private static final int MAX_MESSAGE = 1024;
  private static final int MAX_QUEUED = 10_000;

  private final KubernetesClient client;
  private final String fallbackNamespace;
  private final Clock clock;
  private final ThreadPoolExecutor sender = sender();

  /**
   * @param fallbackNamespace where events about cluster-scoped objects go (the operator namespace)
   */
  public ConditionEvents(KubernetesClient client, String fallbackNamespace, Clock clock) {
    this.client = client;
    this.fallbackNamespace = fallbackNamespace;
    this.clock = clock;
  }

  /** Emits one event per changed condition between the two lists. */
  public void record(HasMetadata object, List<Condition> before, List<Condition> after) {
    for (Condition c : ConditionList.transitions(before, after)) {
      emit(object, c);
    }
  }

  private void emit(HasMetadata object, Condition c) {
    String ns = object.getMetadata().getNamespace();
    String namespace = ns == null || ns.isEmpty() ? fallbackNamespace : ns;
    String now = ConditionList.format(clock.instant());
    String message = c.getType() + "=" + c.getStatus() + ": " + c.getMessage();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE);
    }
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                object.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(object.getApiVersion())
                    .withKind(object.getKind())
                    .withName(object.getMetadata().getName())
                    .withNamespace(ns)
                    .withUid(object.getMetadata().getUid())
                    .withResourceVersion(object.getMetadata().getResourceVersion())
                    .build())
            .withType(Conditions.TRUE.equals(c.getStatus()) ? "Normal" : "Warning")
            .withReason(c.getReason())
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent("openshell-operator")
            .endSource()
            .build();
    String objectName = object.getMetadata().getName();
    String reason = c.getReason();
    try {
      sender.execute(() -> send(namespace, event, objectName, reason));
    } catch (RejectedExecutionException e) {
      notRecorded(objectName, reason, "too many events waiting");
    }
  }

  private void send(String namespace, Event event, String objectName, String reason) {
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (RuntimeException e) {
      // Events are best effort: a missing namespace or RBAC gap must not fail anything.
      notRecorded(objectName, reason, e.getMessage());
    }
  }

  private static void notRecorded(String objectName, String reason, String error) {
    LOG.atDebug()
        .addKeyValue("object", objectName)
        .addKeyValue("reason", reason)
        .addKeyValue("error", error)
        .log("event not recorded");
  }

  /** One daemon thread (ends when idle), a bounded queue, rejection instead of blocking. */
  private static ThreadPoolExecutor sender() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED),
            r -> {
              Thread t = new Thread(r, "openshell-events");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
