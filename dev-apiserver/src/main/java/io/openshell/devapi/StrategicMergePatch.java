package io.openshell.devapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approximation of Kubernetes strategic merge patch (the mock rejects it with 415, yet kubectl
 * sends it for every re-apply and {@code set image} of a built-in type).
 *
 * <p>Covered: lists of objects are merged element by element on a merge key ({@code name}, or
 * {@code mountPath}, {@code containerPort}, {@code port}, {@code type}, {@code ip} when every
 * element carries it), {@code $patch: delete} list elements, {@code $patch: replace|delete} maps,
 * {@code $setElementOrder/<list>}, {@code $deleteFromPrimitiveList/<list>}; other {@code $}
 * directives are dropped. Not covered: the per-field patch strategies from the OpenAPI schema
 * (lists without a merge key in every element are replaced, like JSON merge patch does).
 */
final class StrategicMergePatch {

  private static final List<String> MERGE_KEYS =
      List.of("name", "mountPath", "containerPort", "port", "type", "ip", "devicePath");
  private static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
  private static final String PATCH_DIRECTIVE = "$patch";

  private StrategicMergePatch() {}

  /**
   * Applies a strategic merge patch to {@code base} (which it may modify) and returns the result.
   */
  static JsonNode apply(JsonNode base, JsonNode patch) {
    if (!patch.isObject()) {
      return strip(patch);
    }
    String directive = patch.path(PATCH_DIRECTIVE).asText("");
    if (directive.equals("replace")) {
      return strip(patch);
    }
    if (directive.equals("delete")) {
      return JsonNodeFactory.instance.objectNode();
    }
    ObjectNode result =
        base != null && base.isObject() ? (ObjectNode) base : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        String list = key.substring(DELETE_FROM_PRIMITIVE_LIST.length());
        if (result.path(list).isArray()) {
          ArrayNode kept = JsonNodeFactory.instance.arrayNode();
          result.get(list).forEach(e -> addUnlessContained(kept, e, value));
          result.set(list, kept);
        }
      } else if (key.startsWith(SET_ELEMENT_ORDER)
          && !patch.has(key.substring(SET_ELEMENT_ORDER.length()))) {
        // Only the order changed; a list present in the patch is reordered where it is merged.
        String list = key.substring(SET_ELEMENT_ORDER.length());
        if (result.path(list).isArray()) {
          result.set(
              list, mergeList(result.get(list), JsonNodeFactory.instance.arrayNode(), value));
        }
      } else if (key.startsWith("$")) {
        continue; // $setElementOrder is handled with its list, $retainKeys is not needed here
      } else if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        result.set(key, apply(result.get(key), value));
      } else if (value.isArray()) {
        result.set(
            key, mergeList(result.get(key), (ArrayNode) value, patch.get(SET_ELEMENT_ORDER + key)));
      } else {
        result.set(key, value);
      }
    }
    return result;
  }

  private static void addUnlessContained(ArrayNode target, JsonNode element, JsonNode excluded) {
    for (JsonNode e : excluded) {
      if (e.equals(element)) {
        return;
      }
    }
    target.add(element);
  }

  private static JsonNode mergeList(JsonNode base, ArrayNode patch, JsonNode order) {
    Optional<String> mergeKey = mergeKey(patch, base);
    if (mergeKey.isEmpty() || base == null || !base.isArray()) {
      ArrayNode replaced = JsonNodeFactory.instance.arrayNode();
      patch.forEach(
          e -> {
            if (!isDeleteDirective(e)) {
              replaced.add(strip(e));
            }
          });
      return replaced;
    }
    String key = mergeKey.get();
    List<JsonNode> merged = new ArrayList<>();
    base.forEach(merged::add);
    for (JsonNode element : patch) {
      JsonNode id = element.get(key);
      int index = indexOf(merged, key, id);
      if (isDeleteDirective(element)) {
        if (index >= 0) {
          merged.remove(index);
        }
      } else if (index >= 0) {
        merged.set(index, apply(merged.get(index), element));
      } else {
        merged.add(strip(element));
      }
    }
    if (order != null && order.isArray()) {
      List<JsonNode> ordered = new ArrayList<>();
      for (JsonNode o : order) {
        int index = indexOf(merged, key, o.get(key));
        if (index >= 0) {
          ordered.add(merged.remove(index));
        }
      }
      ordered.addAll(merged);
      merged = ordered;
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    merged.forEach(result::add);
    return result;
  }

  private static boolean isDeleteDirective(JsonNode element) {
    return element.isObject() && element.path(PATCH_DIRECTIVE).asText("").equals("delete");
  }

  private static int indexOf(List<JsonNode> list, String key, JsonNode id) {
    for (int i = 0; i < list.size(); i++) {
      if (id != null && id.equals(list.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> mergeKey(ArrayNode patch, JsonNode base) {
    List<JsonNode> elements = new ArrayList<>();
    patch.forEach(elements::add);
    if (base != null && base.isArray()) {
      base.forEach(elements::add);
    }
    if (elements.isEmpty() || !elements.stream().allMatch(JsonNode::isObject)) {
      return Optional.empty();
    }
    return MERGE_KEYS.stream()
        .filter(k -> elements.stream().allMatch(e -> e.hasNonNull(k)))
        .findFirst();
  }

  /** A copy of {@code node} without {@code $} directive keys. */
  private static JsonNode strip(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties()
          .iterator()
          .forEachRemaining(
              f -> {
                if (!f.getKey().startsWith("$")) {
                  copy.set(f.getKey(), strip(f.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(strip(e)));
      return copy;
    }
    return node;
  }
}
