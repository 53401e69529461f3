package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.Condition;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
      Sandbox sb =
          cluster
              .sandbox(ns, name)
              .orElseThrow(
                  () -> new Refused("Failed to wait for sandbox " + name, "sandbox not found"));
      boolean hasPod = sb.getSpec() != null && sb.getSpec().getPodTemplate() != null;
      String target = hasPod ? "PolicyApplied" : "PolicyComposed";
      SandboxStatus status = sb.getStatus() == null ? new SandboxStatus() : sb.getStatus();
      long observed = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
      Optional<Condition> composed = status.condition("PolicyComposed");
      Optional<Condition> wanted = status.condition(target);
      String state = describe(target, observed, wanted);
      if (!state.equals(last)) {
        progress.println(
            "Waiting for sandbox " + name + " generation " + generation + ": " + state);
        progress.flush();
        last = state;
      }
      if (observed >= generation) {
        if (composed.isPresent() && "False".equals(composed.get().getStatus())) {
          throw new Refused(
              "Sandbox " + name + " policy was not composed (" + composed.get().getReason() + ")",
              Objects.toString(composed.get().getMessage(), ""));
        }
        if (wanted.isPresent() && "True".equals(wanted.get().getStatus())) {
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

  private static String describe(String target, long observed, Optional<Condition> condition) {
    String cond =
        condition
            .map(
                c ->
                    target + "=" + c.getStatus() + " (" + Objects.toString(c.getReason(), "") + ")")
            .orElse(target + " not reported");
    return "observedGeneration " + observed + ", " + cond;
  }
}
