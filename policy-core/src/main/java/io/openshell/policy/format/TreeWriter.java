package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * The mappers of this package and a small builder for output trees that leaves out default values
 * (serde's {@code skip_serializing_if}).
 */
final class TreeWriter {
  /**
   * Reads YAML like serde_yaml (YAML 1.2): duplicate keys are an error and YAML 1.1 words such as
   * {@code on}, {@code yes}, {@code n} stay strings rather than becoming booleans.
   */
  static final YAMLMapper YAML_READER =
      YAMLMapper.builder()
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Reads JSON; duplicate keys are an error, as in serde_json's struct deserialisation. */
  static final JsonMapper JSON_READER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final ObjectMapper JSON_WRITER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private TreeWriter() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static String json(JsonNode tree) {
    try {
      return JSON_WRITER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void str(ObjectNode o, String key, String value) {
    if (!value.isEmpty()) {
      o.put(key, value);
    }
  }

  static void bool(ObjectNode o, String key, boolean value) {
    if (value) {
      o.put(key, true);
    }
  }

  static void num(ObjectNode o, String key, long value) {
    if (value != 0) {
      o.put(key, value);
    }
  }

  static void strings(ObjectNode o, String key, Collection<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(key);
      values.forEach(a::add);
    }
  }
}
