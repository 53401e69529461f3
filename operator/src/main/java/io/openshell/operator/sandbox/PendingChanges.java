package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when an input change was first observed for each sandbox, so the time until the
 * ConfigMap write can be measured (the propagation latency metric). Watch edges mark on event
 * arrival; the reconcile completes the mark when it writes the ConfigMap.
 */
public final class PendingChanges {
  private final Clock clock;
  private final ConcurrentHashMap<ResourceID, Instant> since = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ResourceID, Instant> latest = new ConcurrentHashMap<>();

  public PendingChanges(Clock clock) {
    this.clock = clock;
  }

  /** Records a change for the sandbox, keeping the earliest unhandled one. */
  public void mark(ResourceID sandbox) {
    Instant now = clock.instant();
    since.putIfAbsent(sandbox, now);
    latest.put(sandbox, now);
  }

  /** The time since the latest unhandled change (how long the reconcile now starting waited). */
  public Optional<Duration> waited(ResourceID sandbox) {
    Instant last = latest.get(sandbox);
    return last == null ? Optional.empty() : Optional.of(Duration.between(last, clock.instant()));
  }

  /** The time since the earliest unhandled change, which is then forgotten. */
  public Optional<Duration> complete(ResourceID sandbox) {
    latest.remove(sandbox);
    Instant first = since.remove(sandbox);
    return first == null ? Optional.empty() : Optional.of(Duration.between(first, clock.instant()));
  }

  /** Forgets a sandbox whose change needed no write. */
  public void discard(ResourceID sandbox) {
    latest.remove(sandbox);
    since.remove(sandbox);
  }

  /** The mapper, marking every sandbox it maps to. */
  public <R> SecondaryToPrimaryMapper<R> marking(SecondaryToPrimaryMapper<R> mapper) {
    return resource -> {
      Set<ResourceID> ids = mapper.toPrimaryResourceIDs(resource);
      ids.forEach(this::mark);
      return ids;
    };
  }
}
