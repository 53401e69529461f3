package io.openshell.policy.format;

import java.util.Collection;

/**
 * A document being written as a stream of events (mappings, lists, keys and scalars), so one piece
 * of field-order code can feed both the canonical YAML emitter and the JSON tree. The {@code
 * key+value} helpers leave out defaults as serde's {@code skip_serializing_if} does.
 */
interface Doc {
  void beginMap();

  void endMap();

  void beginList();

  void endList();

  void key(String key);

  void str(String value);

  void num(long value);

  void bool(boolean value);

  /** {@code key: value} unless the value is empty. */
  default void str(String key, String value) {
    if (!value.isEmpty()) {
      key(key);
      str(value);
    }
  }

  /** {@code key: true} when set. */
  default void bool(String key, boolean value) {
    if (value) {
      key(key);
      bool(true);
    }
  }

  /** {@code key: n} unless zero. */
  default void num(String key, long value) {
    if (value != 0) {
      key(key);
      num(value);
    }
  }

  /** {@code key: [values]} unless there are none. */
  default void strings(String key, Collection<String> values) {
    if (!values.isEmpty()) {
      key(key);
      beginList();
      for (String v : values) {
        str(v);
      }
      endList();
    }
  }
}
