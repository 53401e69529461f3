package io.openshell.crds.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Approximates the API server's validation of a custom resource against its generated CRD: the
 * OpenAPI schema through a JSON-schema (draft 4) validator, then every {@code
 * x-kubernetes-validations} rule through a CEL evaluator, with schema defaults applied first as the
 * API server does. No real API server is available on this machine (toolchain.md §3), so this is
 * how the CRD's rules are tested.
 */
final class CrdValidator {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /** One validation failure: where and OpenShell's (or the schema validator's) message. */
  record Failure(String path, String message, Optional<CelRule> rule) {
    @Override
    public String toString() {
      // The schema validator's messages already start with the instance path.
      return message.startsWith("$") ? message : path + ": " + message;
    }
  }

  private final String kind;
  private final JsonNode schema;
  private final JsonSchema jsonSchema;

  private static final Map<String, CrdValidator> BY_KIND = new ConcurrentHashMap<>();

  /** The validator of a kind, built once (schema compilation is the slow part). */
  static CrdValidator of(String kind) {
    return BY_KIND.computeIfAbsent(kind, CrdValidator::new);
  }

  private CrdValidator(String kind) {
    this.kind = kind;
    this.schema = GeneratedCrds.schema(kind);
    this.jsonSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema.deepCopy());
  }

  /** Every rule of the schema, in schema order. */
  List<CelRule> rules() {
    List<CelRule> rules = new ArrayList<>();
    collectRules(schema, "", rules);
    return rules;
  }

  /**
   * How many times the API server may have to run each rule per object: the product of the {@code
   * maxItems}/{@code maxProperties} of the lists and maps around it ({@code -1} when one of them is
   * unbounded). The API server multiplies a rule's estimated cost by this and rejects a CRD whose
   * rules exceed its budget, which no test here can otherwise see.
   */
  Map<CelRule, Long> ruleCardinalities() {
    Map<CelRule, Long> out = new LinkedHashMap<>();
    collectCardinality(schema, "", 1, out);
    return out;
  }

  private void collectCardinality(
      JsonNode node, String path, long cardinality, Map<CelRule, Long> out) {
    for (JsonNode v : node.path("x-kubernetes-validations")) {
      out.put(
          new CelRule(
              kind,
              path.isEmpty() ? "." : path,
              v.path("rule").asText(),
              v.path("message").asText(),
              v.path("messageExpression").asText()),
          cardinality);
    }
    node.path("properties")
        .properties()
        .iterator()
        .forEachRemaining(
            f -> collectCardinality(f.getValue(), path + "." + f.getKey(), cardinality, out));
    if (node.has("items")) {
      collectCardinality(
          node.get("items"), path + "[]", times(cardinality, node.path("maxItems")), out);
    }
    if (node.path("additionalProperties").isObject()) {
      collectCardinality(
          node.get("additionalProperties"),
          path + "{}",
          times(cardinality, node.path("maxProperties")),
          out);
    }
  }

  private static long times(long cardinality, JsonNode max) {
    return cardinality < 0 || !max.isNumber() ? -1 : cardinality * max.asLong();
  }

  private void collectRules(JsonNode node, String path, List<CelRule> out) {
    for (JsonNode v : node.path("x-kubernetes-validations")) {
      out.add(
          new CelRule(
              kind,
              path.isEmpty() ? "." : path,
              v.path("rule").asText(),
              v.path("message").asText(),
              v.path("messageExpression").asText()));
    }
    node.path("properties")
        .properties()
        .iterator()
        .forEachRemaining(f -> collectRules(f.getValue(), path + "." + f.getKey(), out));
    if (node.has("items")) {
      collectRules(node.get("items"), path + "[]", out);
    }
    if (node.path("additionalProperties").isObject()) {
      collectRules(node.get("additionalProperties"), path + "{}", out);
    }
  }

  /** Validates a create (no old object). */
  List<Failure> validate(JsonNode object) {
    return validate(object, null);
  }

  /** Validates a create ({@code old == null}) or an update from {@code old}. */
  List<Failure> validate(JsonNode object, JsonNode old) {
    JsonNode defaulted = object.deepCopy();
    applyDefaults(schema, defaulted);
    List<Failure> failures = new ArrayList<>();
    for (ValidationMessage m : jsonSchema.validate(defaulted)) {
      failures.add(
          new Failure(m.getInstanceLocation().toString(), m.getMessage(), Optional.empty()));
    }
    JsonNode oldDefaulted = null;
    if (old != null) {
      oldDefaulted = old.deepCopy();
      applyDefaults(schema, oldDefaulted);
    }
    evaluate(schema, defaulted, oldDefaulted, "", failures);
    return failures;
  }

  /** Fills absent properties that have a schema default, recursively (API server defaulting). */
  static void applyDefaults(JsonNode schemaNode, JsonNode value) {
    if (value == null) {
      return;
    }
    if (value.isObject()) {
      ObjectNode obj = (ObjectNode) value;
      Iterator<Map.Entry<String, JsonNode>> props =
          schemaNode.path("properties").properties().iterator();
      while (props.hasNext()) {
        Map.Entry<String, JsonNode> p = props.next();
        if (!obj.has(p.getKey()) && p.getValue().has("default")) {
          obj.set(p.getKey(), p.getValue().get("default").deepCopy());
        }
        applyDefaults(p.getValue(), obj.get(p.getKey()));
      }
      if (schemaNode.path("additionalProperties").isObject()) {
        obj.properties()
            .iterator()
            .forEachRemaining(
                f -> applyDefaults(schemaNode.get("additionalProperties"), f.getValue()));
      }
    } else if (value.isArray() && schemaNode.has("items")) {
      value.forEach(item -> applyDefaults(schemaNode.get("items"), item));
    }
  }

  private void evaluate(
      JsonNode schemaNode, JsonNode value, JsonNode old, String path, List<Failure> failures) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode v : schemaNode.path("x-kubernetes-validations")) {
      CelRule rule =
          new CelRule(
              kind,
              path.isEmpty() ? "." : path,
              v.path("rule").asText(),
              v.path("message").asText(),
              v.path("messageExpression").asText());
      if (rule.isTransitionRule() && (old == null || old.isMissingNode() || old.isNull())) {
        continue; // transition rules only run on updates where an old value exists
      }
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("self", JsonValues.toCel(value));
      if (old != null && !old.isMissingNode()) {
        vars.put("oldSelf", JsonValues.toCel(old));
      }
      Object result = eval(rule.rule(), vars);
      if (!Boolean.TRUE.equals(result)) {
        String message = rule.message();
        if (!rule.messageExpression().isEmpty()) {
          Object m = eval(rule.messageExpression(), vars);
          if (m instanceof String s) {
            message = s;
          }
        }
        failures.add(new Failure(path.isEmpty() ? "." : path, message, Optional.of(rule)));
      }
    }
    if (value.isObject()) {
      schemaNode
          .path("properties")
          .properties()
          .iterator()
          .forEachRemaining(
              p ->
                  evaluate(
                      p.getValue(),
                      value.get(p.getKey()),
                      old == null ? null : old.get(p.getKey()),
                      path + "." + p.getKey(),
                      failures));
      if (schemaNode.path("additionalProperties").isObject()) {
        value
            .properties()
            .iterator()
            .forEachRemaining(
                f ->
                    evaluate(
                        schemaNode.get("additionalProperties"),
                        f.getValue(),
                        old == null ? null : old.get(f.getKey()),
                        path + "." + f.getKey(),
                        failures));
      }
    } else if (value.isArray() && schemaNode.has("items")) {
      // List items are not correlated with the old list (only map-lists and sets are in
      // Kubernetes).
      for (int i = 0; i < value.size(); i++) {
        evaluate(schemaNode.get("items"), value.get(i), null, path + "[" + i + "]", failures);
      }
    }
  }

  /** Compiles and evaluates one expression; an evaluation error counts as a failed rule. */
  static Object eval(String expression, Map<String, Object> vars) {
    try {
      return PROGRAMS.computeIfAbsent(expression, CrdValidator::program).eval(vars);
    } catch (CelEvaluationException e) {
      return e;
    }
  }

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private static CelRuntime.Program program(String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not compile: " + expression, e);
    }
  }

  /** Type-checks an expression in the standard environment (throws when it does not compile). */
  static void compile(String expression) throws CelValidationException {
    COMPILER.compile(expression).getAst();
  }
}
