package io.openshell.policy.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Null checks and defensive copies shared by the model's compact constructors. */
final class Checks {
  private Checks() {}

  static String str(String value, String field) {
    return Objects.requireNonNull(value, field);
  }

  static <T> List<T> list(List<T> value, String field) {
    return List.copyOf(Objects.requireNonNull(value, field));
  }

  /** Copies a map keeping its iteration order (order matters for YAML output of annotations). */
  static <V> Map<String, V> orderedMap(Map<String, V> value, String field) {
    Objects.requireNonNull(value, field);
    LinkedHashMap<String, V> copy = new LinkedHashMap<>();
    value.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, field), Objects.requireNonNull(v, field)));
    return Collections.unmodifiableMap(copy);
  }

  /** Copies a map into key order: OpenShell serialises these maps as sorted BTreeMaps. */
  static <V> Map<String, V> sortedMap(Map<String, V> value, String field) {
    Objects.requireNonNull(value, field);
    TreeMap<String, V> copy = new TreeMap<>();
    value.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, field), Objects.requireNonNull(v, field)));
    return Collections.unmodifiableSortedMap(copy);
  }
}
