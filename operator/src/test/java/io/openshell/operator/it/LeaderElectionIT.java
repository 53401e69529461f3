package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.openshell.operator.OpenShellOperator;
import io.openshell.operator.OperatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two operators with leader election on the development API server (which answers JOSDK's
 * SelfSubjectRulesReview): one leads, the other waits; stopping the leader returns (no {@code
 * System.exit} deadlock in the shutdown path), hands the lease back, and the other takes over and
 * reconciles.
 */
class LeaderElectionIT {
  private static final Map<String, String> ELECTION =
      Map.of("OPENSHELL_LEADER_ELECTION", "true", "OPENSHELL_LEASE_NAME", "it-lease");
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start(ELECTION);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static Lease lease() {
    return h.client.leases().inNamespace("default").withName("it-lease").get();
  }

  @Test
  void theStandbyTakesOverWhenTheLeaderStops() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("first"));
    h.awaitConfigMap(ns, "first", cm -> true);
    String leader =
        await()
            .atMost(TIMEOUT)
            .until(() -> lease().getSpec().getHolderIdentity(), id -> id != null);

    var env = new java.util.HashMap<>(ELECTION);
    env.put("OPENSHELL_OPERATOR_NAMESPACE", "default");
    env.put("OPENSHELL_HTTP_PORT", "0");
    OpenShellOperator standby =
        OpenShellOperator.start(h.client, OperatorConfig.fromEnvironment(env), Clock.systemUTC());
    try {
      long stopStart = System.nanoTime();
      h.stopOperator();
      long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
      long handover = System.nanoTime();
      String next =
          await()
              .atMost(TIMEOUT)
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () -> lease().getSpec().getHolderIdentity(),
                  id -> id != null && !id.equals(leader));
      long handoverMillis = (System.nanoTime() - handover) / 1_000_000;
      System.out.printf(
          "leader stop returned after %d ms; lease taken over by %s after %d ms%n",
          stopMillis, next, handoverMillis);

      h.apply(ns, Fixtures.sandbox("second"));
      h.awaitConfigMap(ns, "second", cm -> true);
      assertThat(next).isNotEqualTo(leader);
    } finally {
      standby.close();
      h.startOperator();
    }
  }
}
