package io.openshell.policy.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A view of one mapping node of a parsed document that reads typed fields, tracks the path for
 * error messages and, when strict, rejects fields nobody read (serde's {@code
 * deny_unknown_fields}). A field whose value is YAML {@code null} reads as absent, except for a
 * string field, which gets the null's text as serde_yaml does.
 */
final class TreeReader {
  private final JsonNode node;
  private final String path;
  private final boolean strict;
  private final Set<String> read = new LinkedHashSet<>();

  private TreeReader(JsonNode node, String path, boolean strict) {
    this.node = node;
    this.path = path;
    this.strict = strict;
  }

  /** Reads {@code node} as a mapping found at {@code path}; fails when it is not a mapping. */
  static TreeReader of(JsonNode node, String path, boolean strict) {
    if (node == null || !node.isObject()) {
      throw ParseException.at("invalid type: " + describe(node) + ", expected a mapping", path);
    }
    return new TreeReader(node, path, strict);
  }

  String path() {
    return path;
  }

  boolean strict() {
    return strict;
  }

  /** The path of a child field. */
  String child(String key) {
    return join(path, key);
  }

  static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** True when the field is present with a non-null value. */
  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** The raw value, marking the field as read; empty when absent or null. */
  Optional<JsonNode> raw(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  String str(String key) {
    return optStr(key).orElse("");
  }

  /**
   * A string field. serde_yaml reads a YAML null written in the file ({@code ~}, {@code null}, or
   * nothing) into a {@code String} as its text, so only a missing field is absent.
   */
  Optional<String> optStr(String key) {
    JsonNode v = node.get(key);
    if (v instanceof YamlTrees.Raw r && v.isNull()) {
      read.add(key);
      return Optional.of(r.text());
    }
    return raw(key).map(x -> scalarText(x, child(key)));
  }

  String requiredStr(String key) {
    return optStr(key).orElseThrow(() -> missing(key));
  }

  ParseException missing(String key) {
    return ParseException.at("missing field '" + key + "'", path);
  }

  boolean bool(String key, boolean dflt) {
    Optional<JsonNode> v = raw(key);
    if (v.isEmpty()) {
      return dflt;
    }
    if (!v.get().isBoolean()) {
      throw ParseException.at(
          "invalid type: " + describe(v.get()) + ", expected a boolean", child(key));
    }
    return v.get().booleanValue();
  }

  /** An integer in {@code [min, max]}; {@code typeName} is the Rust type named in the error. */
  long integer(String key, long min, long max, String typeName) {
    Optional<JsonNode> v = raw(key);
    return v.isEmpty() ? 0 : integerValue(v.get(), child(key), min, max, typeName);
  }

  static long integerValue(JsonNode v, String path, long min, long max, String typeName) {
    if (!v.isIntegralNumber()) {
      throw ParseException.at("invalid type: " + describe(v) + ", expected " + typeName, path);
    }
    if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw ParseException.at(
          "invalid value: integer " + v.asText() + ", expected " + typeName, path);
    }
    return v.longValue();
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    String p = child(key);
    List<JsonNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      out.add(scalarText(items.get(i), index(p, i)));
    }
    return out;
  }

  List<Integer> ints(String key, long min, long max, String typeName) {
    List<Integer> out = new ArrayList<>();
    String p = child(key);
    List<JsonNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      out.add((int) integerValue(items.get(i), index(p, i), min, max, typeName));
    }
    return out;
  }

  /** The items of a sequence field; empty when absent. */
  List<JsonNode> list(String key) {
    Optional<JsonNode> v = raw(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isArray()) {
      throw ParseException.at(
          "invalid type: " + describe(v.get()) + ", expected a sequence", child(key));
    }
    List<JsonNode> out = new ArrayList<>();
    v.get().forEach(out::add);
    return out;
  }

  /** Maps each item of a sequence field with its path. */
  <T> List<T> listOf(String key, BiFunction<JsonNode, String, T> item) {
    List<T> out = new ArrayList<>();
    String p = child(key);
    List<JsonNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      out.add(item.apply(items.get(i), index(p, i)));
    }
    return out;
  }

  /** A nested mapping field, when present. */
  Optional<TreeReader> obj(String key) {
    return raw(key).map(v -> of(v, child(key), strict));
  }

  /** Maps each entry of a mapping field (in document order) with its path. */
  <T> Map<String, T> mapOf(String key, BiFunction<JsonNode, String, T> value) {
    Optional<JsonNode> v = raw(key);
    Map<String, T> out = new LinkedHashMap<>();
    if (v.isEmpty()) {
      return out;
    }
    if (!v.get().isObject()) {
      throw ParseException.at(
          "invalid type: " + describe(v.get()) + ", expected a mapping", child(key));
    }
    String p = child(key);
    Iterator<Map.Entry<String, JsonNode>> it = v.get().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value1 = e.getValue();
      if (value1 == null || value1.isNull()) {
        throw ParseException.at("invalid type: null, expected a value", join(p, e.getKey()));
      }
      out.put(e.getKey(), value.apply(value1, join(p, e.getKey())));
    }
    return out;
  }

  /** Strict readers: fails on the first field that was never read. */
  void finish() {
    if (!strict) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw ParseException.at("unknown field '" + name + "'", path);
      }
    }
  }

  /** A scalar as text: strings as they are; numbers and booleans as YAML wrote them. */
  static String scalarText(JsonNode v, String path) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v instanceof YamlTrees.Raw r) {
      // serde_yaml reads a plain scalar like 0x10 or True into a String field as written.
      return r.text();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.asText();
    }
    throw ParseException.at("invalid type: " + describe(v) + ", expected a string", path);
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isObject()) {
      return "map";
    }
    if (v.isArray()) {
      return "sequence";
    }
    if (v.isBoolean()) {
      return "boolean `" + v.asText() + "`";
    }
    if (v.isNumber()) {
      return (v.isIntegralNumber() ? "integer `" : "floating point `") + v.asText() + "`";
    }
    return "string \"" + v.asText() + "\"";
  }
}
