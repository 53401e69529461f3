package io.openshell.plugin;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a generic resource's nested fields ({@code spec.providers}, {@code status...}).
 */
public final class Fields {
  private Fields() {}

  /** The value at {@code path} under the resource's top-level fields, if present. */
  public static Optional<Object> get(GenericKubernetesResource r, String... path) {
    Object cur = r.getAdditionalProperties();
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      cur = m.get(p);
    }
    return Optional.ofNullable(cur);
  }

  public static Optional<Map<String, Object>> map(GenericKubernetesResource r, String... path) {
    return get(r, path).filter(Map.class::isInstance).map(Fields::asMap);
  }

  public static List<Object> list(GenericKubernetesResource r, String... path) {
    return get(r, path).filter(List.class::isInstance).map(Fields::asList).orElse(List.of());
  }

  public static List<String> strings(GenericKubernetesResource r, String... path) {
    return list(r, path).stream().map(String::valueOf).toList();
  }

  public static String str(GenericKubernetesResource r, String... path) {
    return get(r, path).map(String::valueOf).orElse("");
  }

  public static boolean bool(GenericKubernetesResource r, String... path) {
    return get(r, path).map(v -> Boolean.parseBoolean(String.valueOf(v))).orElse(false);
  }

  public static long number(GenericKubernetesResource r, String... path) {
    return get(r, path)
        .map(v -> v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v)))
        .orElse(0L);
  }

  /** The condition of {@code type} in {@code status.conditions}, if reported. */
  public static Optional<Map<String, Object>> condition(GenericKubernetesResource r, String type) {
    return list(r, "status", "conditions").stream()
        .filter(Map.class::isInstance)
        .map(Fields::asMap)
        .filter(c -> type.equals(c.get("type")))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object o) {
    return (List<Object>) o;
  }
}
