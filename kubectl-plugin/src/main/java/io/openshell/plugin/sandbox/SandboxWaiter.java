package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Blocks until the operator reports a sandbox generation as delivered: {@code
 * status.observedGeneration} at least that generation and {@code PolicyApplied=True} ({@code
 * PolicyComposed=True} when the sandbox has no pod). Polls, because a watch is not needed for a
 * few-second wait and polling behaves the same against every API server.
 */
public final class SandboxWaiter {
  private final Cluster cluster;
  private final Clock clock;
  private final Duration interval;
  private final PrintWriter progress;

  public SandboxWaiter(Cluster cluster, Clock clock, Duration interval, PrintWriter progress) {
    this.cluster = cluster;
    this.clock = clock;
    this.interval = interval;
    this.progress = progress;
  }

  /**
   * Waits for {@code generation}; throws {@link Refused} on timeout, on {@code
   * PolicyComposed=False} for that generation, or when the sandbox disappears.
   */
  public void await(String ns, String name, long generation, Duration timeout)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    String last = "";
    while (true) {
      GenericKubernetesResource sb =
          cluster
              .sandbox(ns, name)
              .orElseThrow(
                  () -> new Refused("Failed to wait for sandbox " + name, "sandbox not found"));
      boolean hasPod = Fields.get(sb, "spec", "podTemplate").isPresent();
      String target = hasPod ? "PolicyApplied" : "PolicyComposed";
      long observed = Fields.number(sb, "status", "observedGeneration");
      Optional<Map<String, Object>> composed = Fields.condition(sb, "PolicyComposed");
      Optional<Map<String, Object>> wanted = Fields.condition(sb, target);
      String state = describe(target, observed, wanted);
      if (!state.equals(last)) {
        progress.println(
            "Waiting for sandbox " + name + " generation " + generation + ": " + state);
        progress.flush();
        last = state;
      }
      if (observed >= generation) {
        if (composed.isPresent() && "False".equals(composed.get().get("status"))) {
          throw new Refused(
              "Sandbox " + name + " policy was not composed (" + composed.get().get("reason") + ")",
              String.valueOf(composed.get().getOrDefault("message", "")));
        }
        if (wanted.isPresent() && "True".equals(wanted.get().get("status"))) {
          progress.println("✓ Sandbox " + name + " " + target + " at generation " + generation);
          progress.flush();
          return;
        }
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new Refused(
            "Timed out waiting for sandbox " + name,
            "timed out after "
                + timeout
                + " waiting for "
                + target
                + "=True at generation "
                + generation
                + " (last seen: "
                + state
                + ")");
      }
      Thread.sleep(interval.toMillis());
    }
  }

  private static String describe(
      String target, long observed, Optional<Map<String, Object>> condition) {
    String cond =
        condition
            .map(c -> target + "=" + c.get("status") + " (" + c.getOrDefault("reason", "") + ")")
            .orElse(target + " not reported");
    return "observedGeneration " + observed + ", " + cond;
  }
}
