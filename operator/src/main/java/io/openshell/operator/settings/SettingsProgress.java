package io.openshell.operator.settings;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which settings generation each sandbox was last composed against, shared in-process between the
 * sandbox reconciler (writer) and the settings reconciler (reader of the counts). After a restart
 * every sandbox is reconciled again, so in-memory state is enough.
 *
 * <p>The settings reconciler's sandbox informer reports which sandboxes exist ({@link #present},
 * {@link #gone}); the counts are kept up to date on every change, so reading them costs the same
 * with ten or ten thousand sandboxes (no listing of every sandbox per event).
 */
public final class SettingsProgress {
  private final Map<ResourceID, Long> composedAgainst = new HashMap<>();
  private final Set<ResourceID> existing = new HashSet<>();

  /** Existing sandboxes by the generation they were last composed against. */
  private final TreeMap<Long, Integer> existingByGeneration = new TreeMap<>();

  /** The sandbox was just evaluated with settings generation {@code generation}. */
  public synchronized void record(ResourceID sandbox, long generation) {
    Long before = composedAgainst.put(sandbox, generation);
    if (existing.contains(sandbox)) {
      uncount(before);
      count(generation);
    }
  }

  /**
   * The sandbox's spec cannot be read, so it is not re-composed for any settings generation; it
   * must not hold the settings in {@code Recomposing} (its own status says why).
   */
  public void skip(ResourceID sandbox) {
    record(sandbox, Long.MAX_VALUE);
  }

  /** True when the sandbox was evaluated against at least {@code generation}. */
  public synchronized boolean caughtUp(ResourceID sandbox, long generation) {
    Long g = composedAgainst.get(sandbox);
    return g != null && g >= generation;
  }

  /** The sandbox exists (informer add; idempotent). */
  public synchronized void present(ResourceID sandbox) {
    if (existing.add(sandbox)) {
      count(composedAgainst.get(sandbox));
    }
  }

  /** The sandbox was deleted (informer delete). */
  public synchronized void gone(ResourceID sandbox) {
    if (existing.remove(sandbox)) {
      uncount(composedAgainst.get(sandbox));
    }
    composedAgainst.remove(sandbox);
  }

  /** How many sandboxes exist. */
  public synchronized int sandboxes() {
    return existing.size();
  }

  /** How many existing sandboxes were not yet evaluated against at least {@code generation}. */
  public synchronized int pending(long generation) {
    int caughtUp = 0;
    for (int n : existingByGeneration.tailMap(generation, true).values()) {
      caughtUp += n;
    }
    return existing.size() - caughtUp;
  }

  /**
   * As {@link #pending(long)}, but with {@code unseenCaughtUp} the existing sandboxes this process
   * has not evaluated yet (just after a restart) do not count as pending.
   */
  public synchronized int pending(long generation, boolean unseenCaughtUp) {
    int pending = pending(generation);
    if (!unseenCaughtUp) {
      return pending;
    }
    int evaluated = 0;
    for (int n : existingByGeneration.values()) {
      evaluated += n;
    }
    return pending - (existing.size() - evaluated);
  }

  private void count(Long generation) {
    if (generation != null) {
      existingByGeneration.merge(generation, 1, Integer::sum);
    }
  }

  private void uncount(Long generation) {
    if (generation != null) {
      existingByGeneration.computeIfPresent(generation, (g, n) -> n == 1 ? null : n - 1);
    }
  }
}
