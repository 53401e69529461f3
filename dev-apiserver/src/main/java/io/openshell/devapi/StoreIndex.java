package io.openshell.devapi;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An index of the mock's store keys by resource plural and object name, so a request for one object
 * looks at the few keys sharing its plural and name (usually one; several only across namespaces or
 * API groups) instead of matching the query against every stored object.
 *
 * <p>Each bucket keeps its keys in store order (a re-stored key moves to the end, as in the mock's
 * {@code LinkedHashMap}), so "the first matching key" is the same key the mock's full scan finds. A
 * query the index cannot narrow exactly (no plural or name, a wildcard or non-equality requirement
 * on them) and any stored key without a plain plural and name make {@link #candidates} empty, and
 * the caller scans as the mock does. Not thread-safe: the caller locks.
 */
final class StoreIndex {

  private record Bucket(String plural, String name) {}

  private final Map<Bucket, List<AttributeSet>> buckets = new HashMap<>();
  private int unindexable;

  /** Records that {@code key} was removed from the store (no-op for an unknown key). */
  void removed(AttributeSet key) {
    Optional<Bucket> bucket = bucketOf(key);
    if (bucket.isEmpty()) {
      unindexable = Math.max(0, unindexable - 1);
      return;
    }
    List<AttributeSet> keys = buckets.get(bucket.get());
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      buckets.remove(bucket.get());
    }
  }

  /**
   * Records that {@code key} was stored; a key equal to one already present keeps its position (as
   * {@code LinkedHashMap.put} does for an existing key).
   */
  void stored(AttributeSet key) {
    Optional<Bucket> bucket = bucketOf(key);
    if (bucket.isEmpty()) {
      unindexable++;
      return;
    }
    List<AttributeSet> keys = buckets.computeIfAbsent(bucket.get(), b -> new ArrayList<>(1));
    if (!keys.contains(key)) {
      keys.add(key);
    }
  }

  /** Forgets everything (the store was cleared). */
  void clear() {
    buckets.clear();
    unindexable = 0;
  }

  /**
   * The stored keys that can match {@code query}, in store order, or empty when the index cannot
   * answer and the caller must scan the whole store.
   */
  Optional<List<AttributeSet>> candidates(AttributeSet query) {
    if (unindexable > 0) {
      return Optional.empty();
    }
    Optional<String> plural = plainValue(query.getAttribute(KubernetesAttributesExtractor.PLURAL));
    Optional<String> name = plainValue(query.getAttribute(KubernetesAttributesExtractor.NAME));
    if (plural.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    List<AttributeSet> keys = buckets.get(new Bucket(plural.get(), name.get()));
    return Optional.of(keys == null ? List.of() : List.copyOf(keys));
  }

  private static Optional<Bucket> bucketOf(AttributeSet key) {
    Optional<String> plural = plainValue(key.getAttribute(KubernetesAttributesExtractor.PLURAL));
    Optional<String> name = plainValue(key.getAttribute(KubernetesAttributesExtractor.NAME));
    if (plural.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Bucket(plural.get(), name.get()));
  }

  /** The single value of an equality attribute, unless absent, multi-valued or the wildcard. */
  private static Optional<String> plainValue(Attribute attribute) {
    if (attribute == null
        || attribute.getType() != AttributeType.WITH
        || attribute.getValues().size() != 1) {
      return Optional.empty();
    }
    String value = attribute.getValues().get(0).toString();
    // The mock's Value treats "*" as equal to anything.
    return value == null || value.equals("*") ? Optional.empty() : Optional.of(value);
  }
}
