package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/crd-reference.md} is derived from the generated CRDs (field descriptions are the Java
 * types' descriptions, what {@code kubectl explain} shows), so it cannot drift from them. Refresh
 * with {@code ./mvnw -pl crds test -Dtest=CrdReferenceDocTest -Dcrd.docs.update=true}.
 */
class CrdReferenceDocTest {
  private static final Path DOC = Path.of("../docs/crd-reference.md");
  private static final List<String> KINDS =
      List.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings");

  @Test
  void crdReferenceDocMatchesTheGeneratedCrds() throws IOException {
    String rendered = render();
    if (Boolean.getBoolean("crd.docs.update")) {
      Files.writeString(DOC, rendered);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
        .as(
            "docs/crd-reference.md is stale; refresh with ./mvnw -pl crds test"
                + " -Dtest=CrdReferenceDocTest -Dcrd.docs.update=true")
        .isEqualTo(rendered);
  }

  static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# CRD reference (`openshell.io/v1alpha1`)\n\n");
    sb.append(
        "Generated from the CRDs in `crds/src/main/crds/` by `CrdReferenceDocTest`; the"
            + " descriptions are what `kubectl explain` prints. Rules marked CEL are enforced by the"
            + " API server; the operator, the webhook and the plugin enforce every OpenShell rule"
            + " on top (see [concepts](concepts.md)).\n\n");
    for (String kind : KINDS) {
      JsonNode crd = GeneratedCrds.crd(kind);
      JsonNode names = crd.at("/spec/names");
      sb.append("## ").append(kind).append("\n\n");
      sb.append("- scope: ").append(crd.at("/spec/scope").asText()).append('\n');
      sb.append("- plural: `").append(names.path("plural").asText()).append("`");
      List<String> shortNames = new ArrayList<>();
      names.path("shortNames").forEach(n -> shortNames.add("`" + n.asText() + "`"));
      if (!shortNames.isEmpty()) {
        sb.append(", short names: ").append(String.join(", ", shortNames));
      }
      sb.append(", categories: ");
      List<String> categories = new ArrayList<>();
      names.path("categories").forEach(n -> categories.add("`" + n.asText() + "`"));
      sb.append(String.join(", ", categories)).append("\n\n");
      JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
      List<String> rules = new ArrayList<>();
      for (JsonNode v : schema.path("x-kubernetes-validations")) {
        rules.add(v.path("message").asText(v.path("rule").asText()));
      }
      if (!rules.isEmpty()) {
        sb.append("Object rules (CEL): ").append(String.join("; ", rules)).append("\n\n");
      }
      sb.append("| field | type | description |\n|---|---|---|\n");
      for (String part : List.of("spec", "status")) {
        if (schema.at("/properties/" + part).isObject()) {
          fields(schema.at("/properties/" + part), part, 0, sb);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void fields(JsonNode node, String path, int depth, StringBuilder sb) {
    sb.append("| `")
        .append(path)
        .append("` | ")
        .append(type(node))
        .append(" | ")
        .append(describe(node))
        .append(" |\n");
    if (depth > 6) {
      return;
    }
    JsonNode props = node.path("properties");
    if (props.isObject()) {
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        fields(e.getValue(), path + "." + e.getKey(), depth + 1, sb);
      }
    }
    JsonNode items = node.path("items");
    if (items.path("properties").isObject()) {
      for (Map.Entry<String, JsonNode> e : items.path("properties").properties()) {
        fields(e.getValue(), path + "[]." + e.getKey(), depth + 1, sb);
      }
    }
    JsonNode values = node.path("additionalProperties");
    if (values.path("properties").isObject()) {
      for (Map.Entry<String, JsonNode> e : values.path("properties").properties()) {
        fields(e.getValue(), path + "{}." + e.getKey(), depth + 1, sb);
      }
    }
  }

  private static String type(JsonNode node) {
    String t = node.path("type").asText("object");
    if ("array".equals(t)) {
      return "[]" + node.at("/items/type").asText("object");
    }
    if ("object".equals(t) && node.path("additionalProperties").isObject()) {
      return "map[string]" + node.at("/additionalProperties/type").asText("object");
    }
    return t;
  }

  private static String describe(JsonNode node) {
    List<String> parts = new ArrayList<>();
    String d = node.path("description").asText("");
    if (!d.isEmpty()) {
      parts.add(d.replace("\n", " ").replace("|", "\\|"));
    }
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      parts.add("One of " + String.join(", ", values) + ".");
    }
    if (node.has("pattern")) {
      parts.add("Pattern `" + node.path("pattern").asText().replace("|", "\\|") + "`.");
    }
    if (node.has("maxItems")) {
      parts.add("At most " + node.path("maxItems").asText() + " items.");
    }
    if (node.has("maxLength")) {
      parts.add("At most " + node.path("maxLength").asText() + " characters.");
    }
    if (node.has("x-kubernetes-list-type")) {
      parts.add("List type `" + node.path("x-kubernetes-list-type").asText() + "`.");
    }
    if (node.has("default")) {
      parts.add("Default `" + node.path("default").toString() + "`.");
    }
    for (JsonNode v : node.path("x-kubernetes-validations")) {
      parts.add("CEL: " + v.path("message").asText(v.path("rule").asText()).replace("|", "\\|"));
    }
    return String.join(" ", parts);
  }
}
