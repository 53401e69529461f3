package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads a YAML stream into one tree per document, resolving anchors and aliases as serde_yaml does
 * ({@code host: *h} is the anchored value, never the anchor's name, which is what Jackson's own
 * tree reader returns). An alias to an undefined anchor fails ("unknown anchor 'h'"), and the
 * values aliases expand to are counted per document: more than {@link #MAX_ALIAS_EXPANSION} fails
 * ("repetition limit exceeded"), so a billion-laughs file is refused at once instead of growing.
 * Scalars are typed by the same Jackson YAML parser as before (YAML 1.2 words, duplicate keys
 * refused, nesting depth limited).
 */
public final class YamlTrees {
  private YamlTrees() {}

  /** The most values that aliases of one document may expand to. */
  public static final int MAX_ALIAS_EXPANSION = 100_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Field LAST_EVENT = lastEventField();

  private static Field lastEventField() {
    try {
      Field f = YAMLParser.class.getDeclaredField("_lastEvent");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Every document of {@code content}, in order; an empty document is a {@code NullNode}.
   *
   * @throws IOException a YAML syntax error, an undefined alias or too large an alias expansion (a
   *     {@link com.fasterxml.jackson.core.JsonProcessingException} carrying the location)
   */
  public static List<JsonNode> readAll(String content) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (JsonParser p = TreeWriter.YAML_READER.createParser(content)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        docs.add(new Document((YAMLParser) p).value(t));
      }
    }
    return docs;
  }

  /**
   * A plain scalar that YAML typed (number, boolean, null) together with its text as written:
   * serde_yaml reads such a scalar into a {@code String} field as that text ({@code 0x10} stays
   * {@code 0x10}, {@code ~} stays {@code ~}), where Jackson's value would print as {@code 16}.
   */
  interface Raw {
    String text();
  }

  static final class RawInteger extends com.fasterxml.jackson.databind.node.BigIntegerNode
      implements Raw {
    private static final long serialVersionUID = 1L;
    private final String text;

    RawInteger(java.math.BigInteger v, String text) {
      super(v);
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }

  static final class RawDouble extends com.fasterxml.jackson.databind.node.DoubleNode
      implements Raw {
    private static final long serialVersionUID = 1L;
    private final String text;

    RawDouble(double v, String text) {
      super(v);
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }

  static final class RawBoolean extends com.fasterxml.jackson.databind.node.BooleanNode
      implements Raw {
    private static final long serialVersionUID = 1L;
    private final String text;

    RawBoolean(boolean v, String text) {
      super(v);
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }

  static final class RawNull extends com.fasterxml.jackson.databind.node.NullNode implements Raw {
    private static final long serialVersionUID = 1L;
    private final String text;

    RawNull(String text) {
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }

  private static final class Document {
    private final YAMLParser p;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<JsonNode, Integer> sizes = new IdentityHashMap<>();
    private long expanded;

    Document(YAMLParser p) {
      this.p = p;
    }

    JsonNode value(JsonToken t) throws IOException {
      if (p.isCurrentAlias()) {
        return alias(p.getText());
      }
      String anchor = anchor(t);
      JsonNode node =
          switch (t) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> new RawInteger(p.getBigIntegerValue(), p.getText());
            case VALUE_NUMBER_FLOAT -> new RawDouble(p.getDoubleValue(), p.getText());
            case VALUE_TRUE -> new RawBoolean(true, p.getText());
            case VALUE_FALSE -> new RawBoolean(false, p.getText());
            case VALUE_NULL -> new RawNull(p.getText() == null ? "" : p.getText());
            case VALUE_EMBEDDED_OBJECT ->
                p.getEmbeddedObject() instanceof byte[] b
                    ? NODES.binaryNode(b)
                    : NODES.pojoNode(p.getEmbeddedObject());
            default -> NODES.nullNode();
          };
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    /**
     * The anchor on the current value. Jackson 2.17 reports it for collections but drops it for
     * scalar values, so a scalar's is read from the parser's last snakeyaml event.
     */
    private String anchor(JsonToken t) throws IOException {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        return p.getObjectId();
      }
      try {
        return LAST_EVENT.get(p) instanceof ScalarEvent e ? e.getAnchor() : null;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private JsonNode alias(String name) throws JsonParseException {
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw new JsonParseException(p, "unknown anchor '" + name + "'");
      }
      expanded += size(target);
      if (expanded > MAX_ALIAS_EXPANSION) {
        throw new JsonParseException(
            p,
            "repetition limit exceeded: aliases expand to more than "
                + MAX_ALIAS_EXPANSION
                + " values");
      }
      return target;
    }

    private int size(JsonNode n) {
      Integer known = sizes.get(n);
      if (known != null) {
        return known;
      }
      int s = 1;
      for (JsonNode child : n) {
        s = (int) Math.min(Integer.MAX_VALUE, (long) s + size(child));
      }
      sizes.put(n, s);
      return s;
    }

    private ObjectNode object() throws IOException {
      ObjectNode o = NODES.objectNode();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        o.set(name, value(p.nextToken()));
      }
      if (t != JsonToken.END_OBJECT) {
        throw new JsonParseException(p, "unexpected " + t);
      }
      return o;
    }

    private ArrayNode array() throws IOException {
      ArrayNode a = NODES.arrayNode();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new JsonParseException(p, "unexpected end of input");
        }
        a.add(value(t));
      }
      return a;
    }
  }
}
