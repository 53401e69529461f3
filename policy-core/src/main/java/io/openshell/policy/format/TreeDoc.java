package io.openshell.policy.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link Doc} that builds a Jackson tree (for JSON output and the profile tree). */
final class TreeDoc implements Doc {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Deque<JsonNode> open = new ArrayDeque<>();
  private String pendingKey;
  private JsonNode root;

  /** The finished root value. */
  JsonNode root() {
    if (root == null || !open.isEmpty()) {
      throw new IllegalStateException("document not finished");
    }
    return root;
  }

  @Override
  public void beginMap() {
    ObjectNode o = NODES.objectNode();
    add(o);
    open.push(o);
  }

  @Override
  public void endMap() {
    open.pop();
  }

  @Override
  public void beginList() {
    ArrayNode a = NODES.arrayNode();
    add(a);
    open.push(a);
  }

  @Override
  public void endList() {
    open.pop();
  }

  @Override
  public void key(String key) {
    pendingKey = key;
  }

  @Override
  public void str(String value) {
    add(NODES.textNode(value));
  }

  @Override
  public void num(long value) {
    add(NODES.numberNode(value));
  }

  @Override
  public void bool(boolean value) {
    add(NODES.booleanNode(value));
  }

  private void add(JsonNode n) {
    JsonNode parent = open.peek();
    if (parent == null) {
      root = n;
    } else if (parent instanceof ObjectNode o) {
      o.set(pendingKey, n);
      pendingKey = null;
    } else {
      ((ArrayNode) parent).add(n);
    }
  }
}
