package io.openshell.operator.it;

import static io.openshell.crds.Conditions.READY;
import static io.openshell.crds.Conditions.REASON_INVALID_SPEC;
import static io.openshell.operator.it.OperatorHarness.TIMEOUT;
import static io.openshell.operator.it.OperatorHarness.conditionMessage;
import static io.openshell.operator.it.OperatorHarness.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openshell.crds.v1alpha1.ObservedStatus;
import io.openshell.crds.v1alpha1.ProviderProfile;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Objects the Java model cannot read (wrong type, a bad pod template, a list where a map belongs)
 * stored before and after the operator starts: the operator keeps running, a healthy sandbox beside
 * them still gets its ConfigMap, and each poisoned object says why on its own status.
 */
class PoisonedObjectsIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String sandboxJson(String name, String spec) {
    return "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"Sandbox\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":"
        + spec
        + "}";
  }

  @Test
  void poisonedObjectsStoredWhileTheOperatorIsDownDoNotStopItsRestart() {
    String ns = OperatorHarness.namespace();
    h.stopOperator();
    h.storeRaw(
        ns,
        sandboxJson(
            "bad-pod",
            "{\"policy\":{\"version\":1},\"podTemplate\":{\"spec\":{\"containers\":\"oops\"}}}"));
    h.storeRaw(ns, sandboxJson("bad-version", "{\"policy\":{\"version\":\"abc\"}}"));
    h.storeRaw(
        ns,
        "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"Provider\","
            + "\"metadata\":{\"name\":\"bad-type\"},\"spec\":{\"type\":{\"a\":1}}}");
    h.startOperator();

    h.apply(ns, Fixtures.sandbox("healthy"));
    h.awaitConfigMap(ns, "healthy", cm -> true);
    assertInvalid(
        () -> h.sandbox(ns, "bad-pod").getStatus(),
        "spec.podTemplate.spec.containers must be a list, not a string");
    assertInvalid(
        () -> h.sandbox(ns, "bad-version").getStatus(),
        "spec.policy.version must be an integer, not a string");
    assertInvalid(
        () -> h.provider(ns, "bad-type").getStatus(), "spec.type must be a string, not an object");
    assertThat(h.policyConfigMap(ns, "bad-pod")).isEmpty();
  }

  @Test
  void poisonedObjectsStoredWhileTheOperatorRunsAreReportedOnThemselves() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("before"));
    h.awaitConfigMap(ns, "before", cm -> true);

    h.storeRaw(
        ns, sandboxJson("bad-map", "{\"policy\":{\"version\":1,\"networkPolicies\":[1,2]}}"));
    h.storeRaw(
        null,
        "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"ProviderProfile\","
            + "\"metadata\":{\"name\":\"bad-endpoints\"},\"spec\":{\"endpoints\":\"not-a-list\"}}");
    h.storeRaw(
        ns,
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"bad-secret\","
            + "\"labels\":{\"openshell.io/provider-credentials\":\"true\"}},\"data\":\"oops\"}");
    h.apply(ns, Fixtures.sandbox("after"));

    h.awaitConfigMap(ns, "after", cm -> true);
    assertInvalid(
        () -> h.sandbox(ns, "bad-map").getStatus(),
        "spec.policy.networkPolicies must be an object (a map), not a list");
    assertInvalid(
        () -> h.client.resources(ProviderProfile.class).withName("bad-endpoints").get().getStatus(),
        "spec.endpoints must be a list, not a string");
  }

  @Test
  void unknownFieldsAreIgnoredAndTheSandboxComposes() {
    String ns = OperatorHarness.namespace();
    h.storeRaw(
        ns,
        sandboxJson(
            "unknown-field",
            "{\"policy\":{\"version\":1,\"networkPolicies\":{\"r\":{\"name\":\"r\",\"endpoints\":"
                + "[{\"host\":\"api.example.com\",\"port\":443,\"fromTheFuture\":true}]}}},"
                + "\"alsoNew\":{}}"));

    var cm = h.awaitConfigMap(ns, "unknown-field", c -> true);

    assertThat(OperatorHarness.policyYaml(cm)).contains("api.example.com");
  }

  private static void assertInvalid(Supplier<ObservedStatus> status, String text) {
    ObservedStatus s =
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(status::get, st -> hasCondition(st, READY, "False", REASON_INVALID_SPEC));
    assertThat(conditionMessage(s, READY)).contains(text).doesNotContain("Jackson");
  }
}
