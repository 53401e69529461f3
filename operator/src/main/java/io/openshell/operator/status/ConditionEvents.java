package io.openshell.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Event for each condition transition (status or reason change): {@code
 * Normal} when the condition became True, {@code Warning} when False. Messages are condition
 * messages, which never carry credential values.
 */
public final class ConditionEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionEvents.class);
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final String fallbackNamespace;
  private final Clock clock;

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
            .withType("True".equals(c.getStatus()) ? "Normal" : "Warning")
            .withReason(c.getReason())
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent("openshell-operator")
            .endSource()
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (RuntimeException e) {
      // Events are best effort: a missing namespace or RBAC gap must not fail the reconcile.
      LOG.atDebug()
          .addKeyValue("object", object.getMetadata().getName())
          .addKeyValue("reason", c.getReason())
          .addKeyValue("error", e.getMessage())
          .log("event not recorded");
    }
  }
}
