package io.openshell.devapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7386 JSON merge patch, and the JSON Patch that replaces an object's changed top-level fields.
 *
 * <p>Why both: the mock applies merge patches with Jackson's updating reader, which appends to
 * arrays instead of replacing them. The dispatcher therefore computes the merged object itself and
 * hands the mock a JSON Patch, which the mock applies faithfully.
 */
final class JsonMergePatch {

  private JsonMergePatch() {}

  /** Applies {@code patch} to a copy of {@code target} (RFC 7386 §2). */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? (ObjectNode) target.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /**
   * A JSON Patch (RFC 6902) turning {@code current} into {@code target} by adding or removing whole
   * top-level fields.
   */
  static ArrayNode topLevelOperations(JsonNode current, JsonNode target) {
    ArrayNode operations = JsonNodeFactory.instance.arrayNode();
    Set<String> names = new LinkedHashSet<>();
    current.fieldNames().forEachRemaining(names::add);
    target.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String path = "/" + name.replace("~", "~0").replace("/", "~1");
      if (!target.has(name)) {
        operations.addObject().put("op", "remove").put("path", path);
      } else if (!target.get(name).equals(current.get(name))) {
        operations.addObject().put("op", "add").put("path", path).set("value", target.get(name));
      }
    }
    return operations;
  }
}
