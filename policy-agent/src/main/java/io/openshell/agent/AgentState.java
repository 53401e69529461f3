package io.openshell.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the agent knows about itself: the applied version, the last error, counters for /metrics.
 */
final class AgentState {
  /** The watch loop's state, for /healthz. */
  enum WatchState {
    STARTING,
    CONNECTED,
    RECONNECTING,
    STOPPED
  }

  /** A consistent copy of the fields /policy shows. */
  record Snapshot(
      PolicyVersion applied,
      Instant updatedAt,
      String lastError,
      Instant lastErrorAt,
      String reportedHash,
      WatchState watch) {}

  private final Clock clock;
  private final AtomicLong appliedTotal = new AtomicLong();
  private final Map<RejectReason, AtomicLong> rejectedTotal = new EnumMap<>(RejectReason.class);
  private final AtomicLong reconnectsTotal = new AtomicLong();
  private final AtomicLong reportFailuresTotal = new AtomicLong();

  private PolicyVersion applied;
  private Instant updatedAt;
  private String lastError;
  private Instant lastErrorAt;
  private String reportedHash;
  private Instant lastEventAt;
  private WatchState watch = WatchState.STARTING;

  AgentState(Clock clock) {
    this.clock = clock;
    for (RejectReason reason : RejectReason.values()) {
      rejectedTotal.put(reason, new AtomicLong());
    }
  }

  Clock clock() {
    return clock;
  }

  synchronized void applied(PolicyVersion version) {
    applied = version;
    updatedAt = clock.instant();
    lastError = null;
    lastErrorAt = null;
    appliedTotal.incrementAndGet();
  }

  /** A valid version whose hash is already on disk: only clears a previous error. */
  synchronized void confirmed(PolicyVersion version) {
    applied = version;
    lastError = null;
    lastErrorAt = null;
  }

  synchronized void rejected(RejectReason reason, String detail) {
    lastError = reason.label() + ": " + detail;
    lastErrorAt = clock.instant();
    rejectedTotal.get(reason).incrementAndGet();
  }

  synchronized void eventSeen() {
    lastEventAt = clock.instant();
  }

  synchronized void watch(WatchState state) {
    watch = state;
  }

  void reconnected() {
    reconnectsTotal.incrementAndGet();
  }

  synchronized void reported(String hash) {
    reportedHash = hash;
  }

  void reportFailed() {
    reportFailuresTotal.incrementAndGet();
  }

  /**
   * Ready once a verified policy is on disk; it stays ready on later errors (last good is kept).
   */
  synchronized boolean ready() {
    return applied != null;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(applied, updatedAt, lastError, lastErrorAt, reportedHash, watch);
  }

  /** The Prometheus text exposition (format 0.0.4) of the counters and gauges. */
  String prometheusText() {
    Snapshot s = snapshot();
    Instant lastEvent;
    synchronized (this) {
      lastEvent = lastEventAt;
    }
    StringBuilder out = new StringBuilder();
    metric(
        out,
        "openshell_agent_policy_updates_applied_total",
        "counter",
        "Policy versions written to the policy directory.");
    out.append("openshell_agent_policy_updates_applied_total ")
        .append(appliedTotal.get())
        .append('\n');
    metric(
        out,
        "openshell_agent_policy_updates_rejected_total",
        "counter",
        "ConfigMap versions refused, by reason; the last good files were kept.");
    for (Map.Entry<RejectReason, AtomicLong> e : rejectedTotal.entrySet()) {
      out.append("openshell_agent_policy_updates_rejected_total{reason=\"")
          .append(e.getKey().label())
          .append("\"} ")
          .append(e.getValue().get())
          .append('\n');
    }
    metric(
        out,
        "openshell_agent_watch_reconnects_total",
        "counter",
        "Times the ConfigMap watch was re-established after it ended or failed.");
    out.append("openshell_agent_watch_reconnects_total ")
        .append(reconnectsTotal.get())
        .append('\n');
    metric(
        out,
        "openshell_agent_applied_hash_report_failures_total",
        "counter",
        "Failed attempts to patch the pod's applied-policy-hash annotation.");
    out.append("openshell_agent_applied_hash_report_failures_total ")
        .append(reportFailuresTotal.get())
        .append('\n');
    metric(out, "openshell_agent_policy_ready", "gauge", "1 once a verified policy is on disk.");
    out.append("openshell_agent_policy_ready ").append(s.applied() == null ? 0 : 1).append('\n');
    metric(out, "openshell_agent_watch_connected", "gauge", "1 while the ConfigMap watch is open.");
    out.append("openshell_agent_watch_connected ")
        .append(s.watch() == WatchState.CONNECTED ? 1 : 0)
        .append('\n');
    if (s.updatedAt() != null) {
      metric(
          out,
          "openshell_agent_last_applied_timestamp_seconds",
          "gauge",
          "Unix time at which the applied policy was written.");
      out.append("openshell_agent_last_applied_timestamp_seconds ")
          .append(seconds(s.updatedAt()))
          .append('\n');
    }
    if (lastEvent != null) {
      metric(
          out,
          "openshell_agent_seconds_since_last_event",
          "gauge",
          "Seconds since the last list or watch event for the ConfigMap.");
      out.append("openshell_agent_seconds_since_last_event ")
          .append(decimal(Duration.between(lastEvent, clock.instant()).toMillis()))
          .append('\n');
    }
    return out.toString();
  }

  private static void metric(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String seconds(Instant instant) {
    return decimal(instant.toEpochMilli());
  }

  private static String decimal(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
