package io.openshell.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election around JOSDK's: a stable identity, the built-in profiles installed only by the
 * leader, no {@code System.exit} on the shutdown path, and the lease released on shutdown.
 *
 * <p>Why not JOSDK's defaults: its two-argument configuration exits the JVM when leadership stops.
 * Stopping the operator cancels the election, so that exit ran inside our shutdown hook, where
 * {@code System.exit} blocks forever (the JVM never stopped). It also keeps the lease on cancel, so
 * a graceful handover waited for the lease to expire (~16 s). Here a lease lost while running still
 * ends the process (two active leaders must not happen), a shutdown does not, and the lease is
 * handed back so the next replica takes over at its next retry.
 */
final class LeaderLease {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderLease.class);
  private static final Duration LEASE = Duration.ofSeconds(15);
  private static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final String name;
  private final String namespace;
  private final String identity;
  private final AtomicBoolean stopping = new AtomicBoolean();

  LeaderLease(String name, String namespace, Map<String, String> env) {
    this.name = name;
    this.namespace = namespace;
    String host = env.get("HOSTNAME");
    this.identity =
        (host == null || host.isBlank() ? "openshell-operator" : host)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  String identity() {
    return identity;
  }

  /** JOSDK's configuration; {@code onLeading} runs each time this replica becomes leader. */
  LeaderElectionConfiguration configuration(Runnable onLeading) {
    return new LeaderElectionConfiguration(
        name,
        namespace,
        LEASE,
        RENEW_DEADLINE,
        RETRY,
        identity,
        new LeaderCallbacks(onLeading, this::stoppedLeading, leader -> {}),
        false);
  }

  private void stoppedLeading() {
    if (stopping.get()) {
      return;
    }
    // Lost the lease while running: another replica may already reconcile. Exit (not from a
    // shutdown hook, so this does not block); the orchestrator restarts us as a candidate.
    LOG.atError().addKeyValue("identity", identity).log("leader lease lost; exiting");
    System.exit(1);
  }

  /** Marks the shutdown path: leadership ending from now on is expected. */
  void stopping() {
    stopping.set(true);
  }

  /** Hands the lease back when this replica holds it, so a successor need not wait it out. */
  void release(KubernetesClient client) {
    try {
      var lease = client.leases().inNamespace(namespace).withName(name).get();
      if (lease == null
          || lease.getSpec() == null
          || !identity.equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setHolderIdentity(null);
      lease.getSpec().setLeaseDurationSeconds(1);
      client.resource(lease).update();
      LOG.atInfo().addKeyValue("identity", identity).log("leader lease released");
    } catch (RuntimeException e) {
      // Best effort: the lease then expires by itself.
      LOG.atWarn()
          .addKeyValue("identity", identity)
          .addKeyValue("error", e.getMessage())
          .log("leader lease not released");
    }
  }
}
