package io.openshell.policy.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded LRU cache keyed by object identity. Catalog snapshots reuse the same profile
 * instances across reconciles, so values derived only from a profile (its content digest, its
 * stamped layer endpoints) are computed once per profile instance.
 */
final class IdentityCache<K, V> {
  private final Map<IdentityKey, V> map;

  IdentityCache(int capacity) {
    this.map =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<IdentityKey, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The cached value for {@code key}, computing it outside the lock on a miss. */
  V get(K key, Function<K, V> compute) {
    IdentityKey k = new IdentityKey(key);
    synchronized (map) {
      V cached = map.get(k);
      if (cached != null) {
        return cached;
      }
    }
    V value = compute.apply(key);
    synchronized (map) {
      map.put(k, value);
    }
    return value;
  }

  /** Identity wrapper: two keys are equal only for the same instance. */
  private static final class IdentityKey {
    private final Object value;

    IdentityKey(Object value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }
}
