package io.openshell.operator.settings;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which settings generation each sandbox was last composed against, shared in-process between the
 * sandbox reconciler (writer) and the settings reconciler (reader of the pending count). After a
 * restart every sandbox is reconciled again, so in-memory state is enough.
 */
public final class SettingsProgress {
  private final Map<ResourceID, Long> composedAgainst = new ConcurrentHashMap<>();

  /** The sandbox was just evaluated with settings generation {@code generation}. */
  public void record(ResourceID sandbox, long generation) {
    composedAgainst.put(sandbox, generation);
  }

  /**
   * The sandbox's spec cannot be read, so it is not re-composed for any settings generation; it
   * must not hold the settings in {@code Recomposing} (its own status says why).
   */
  public void skip(ResourceID sandbox) {
    composedAgainst.put(sandbox, Long.MAX_VALUE);
  }

  /** True when this process has evaluated the sandbox since it started. */
  public boolean known(ResourceID sandbox) {
    return composedAgainst.containsKey(sandbox);
  }

  /** True when the sandbox was evaluated against at least {@code generation}. */
  public boolean caughtUp(ResourceID sandbox, long generation) {
    Long g = composedAgainst.get(sandbox);
    return g != null && g >= generation;
  }
}
