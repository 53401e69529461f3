package io.openshell.crds.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a spec or status so that one bad stored value never makes the whole object unreadable.
 *
 * <p>Why: the informers of the operator deserialize every object of a kind with the Java model. A
 * single value the model cannot hold ({@code port: "abc"}, {@code podTemplate.spec.containers:
 * oops}, a list where a map belongs) used to fail the whole list or watch, and JOSDK then stopped
 * the operator, which could not start again while the object existed. The API server's schema
 * refuses most such values, but not inside {@code x-kubernetes-preserve-unknown-fields} (the pod
 * template), not on the development API server, and not across a CRD/model version skew.
 *
 * <p>How: the value is read as a tree and converted; when the conversion fails, the top-level field
 * on the failing path is recorded as a {@link ReadProblem} (with the full path and what was
 * expected), removed, and the conversion retried. The result is the readable rest, carrying its
 * problems, so the reconciler can report them on that object while every other object reconciles.
 *
 * @param <T> the spec or status type
 */
public abstract class TolerantReader<T> extends StdDeserializer<T> {
  private final Class<T> type;
  private final String root;

  /**
   * @param type the target type (read with the mapper's plain bean deserializer)
   * @param root the path prefix of problems, {@code spec} or {@code status}
   */
  protected TolerantReader(Class<T> type, String root) {
    super(type);
    this.type = type;
    this.root = root;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    List<ReadProblem> problems = new ArrayList<>();
    ObjectNode object;
    if (node instanceof ObjectNode o) {
      object = o.deepCopy();
    } else {
      problems.add(new ReadProblem(root, "must be an object, not " + kind(node)));
      object = JsonNodeFactory.instance.objectNode();
    }
    while (true) {
      try {
        T value = ctxt.readTreeAsValue(object, type);
        keep(value, problems);
        return value;
      } catch (DatabindException e) {
        String field = topField(e);
        if (field == null || !object.has(field)) {
          problems.add(new ReadProblem(root, "cannot be read: " + firstLine(e)));
          T value = empty();
          keep(value, problems);
          return value;
        }
        problems.add(problem(e, object));
        object.remove(field);
      }
    }
  }

  /** Stores the problems on the value (specs); statuses drop them. */
  protected void keep(T value, List<ReadProblem> problems) {
    if (value instanceof ReadableSpec spec) {
      spec.setReadProblems(problems);
    }
  }

  private T empty() {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " needs a no-argument constructor", e);
    }
  }

  private ReadProblem problem(DatabindException e, ObjectNode object) {
    StringBuilder path = new StringBuilder(root);
    JsonNode at = object;
    for (JsonMappingException.Reference ref : pathOf(e)) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
        at = at == null ? null : at.get(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
        at = at == null ? null : at.get(ref.getIndex());
      }
    }
    return new ReadProblem(path.toString(), describe(e, at));
  }

  private static String describe(DatabindException e, JsonNode actual) {
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String expected = expected(m.getTargetType());
      return actual == null
          ? "must be " + expected
          : "must be " + expected + ", not " + kind(actual);
    }
    return "cannot be read: " + firstLine(e);
  }

  private static String expected(Class<?> target) {
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a list";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == Short.class
        || target == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "a number";
    }
    if (target.isEnum()) {
      return "one of the allowed values";
    }
    if (Map.class.isAssignableFrom(target)) {
      return "an object (a map)";
    }
    return "an object";
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static List<JsonMappingException.Reference> pathOf(DatabindException e) {
    return e instanceof JsonMappingException m ? m.getPath() : List.of();
  }

  private static String topField(DatabindException e) {
    List<JsonMappingException.Reference> path = pathOf(e);
    return path.isEmpty() ? null : path.get(0).getFieldName();
  }

  private static String firstLine(Exception e) {
    String message =
        e instanceof JsonMappingException m && m.getOriginalMessage() != null
            ? m.getOriginalMessage()
            : String.valueOf(e.getMessage());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
