package io.openshell.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart rendered with {@code helm template} (helm-java), as parsed objects. */
final class RenderedChart {
  static final Path CHART = Path.of("openshell-operator");
  static final String NAMESPACE = "openshell-system";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String text;
  private final List<JsonNode> objects;

  private RenderedChart(String text, List<JsonNode> objects) {
    this.text = text;
    this.objects = objects;
  }

  /** Renders the chart with the given {@code --set} values (release name {@code oso}). */
  static RenderedChart render(Map<String, Object> values) {
    TemplateCommand cmd =
        new Helm(CHART)
            .template()
            .withName("oso")
            .withNamespace(NAMESPACE)
            .withKubeVersion("1.32.0");
    values.forEach(cmd::set);
    return parse(cmd.call());
  }

  /** Renders the chart with a values file. */
  static RenderedChart renderWithValuesFile(Path valuesFile) {
    return parse(
        new Helm(CHART)
            .template()
            .withName("oso")
            .withNamespace(NAMESPACE)
            .withKubeVersion("1.32.0")
            .withValuesFile(valuesFile)
            .call());
  }

  private static RenderedChart parse(String text) {
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(text)) {
      for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (doc != null && doc.isObject() && doc.has("kind")) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RenderedChart(text, docs);
  }

  String text() {
    return text;
  }

  List<JsonNode> objects() {
    return objects;
  }

  Stream<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
  }

  JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  ObjectNode operatorContainer() {
    return (ObjectNode) one("Deployment").at("/spec/template/spec/containers/0");
  }
}
