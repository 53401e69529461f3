package io.openshell.crds.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A schema fixture under {@code src/test/resources/schema/<kind>/}: {@code valid-*.yaml} must pass,
 * {@code invalid-*.yaml} must fail with every message named on its {@code # expect:} lines. A
 * sibling {@code old-<rest>.yaml} makes it an update from that object (for transition rules).
 */
record Fixture(Path file, JsonNode object, Optional<JsonNode> old, List<String> expected) {
  static final Path ROOT = Path.of("src/test/resources/schema");

  String kind() {
    return object.path("kind").asText();
  }

  boolean isValid() {
    return file.getFileName().toString().startsWith("valid-");
  }

  String displayName() {
    return ROOT.relativize(file).toString();
  }

  static List<Fixture> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith("valid-") || n.startsWith("invalid-");
              })
          .sorted()
          .map(Fixture::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fixture load(Path file) {
    try {
      String text = Files.readString(file);
      List<String> expected =
          text.lines()
              .filter(l -> l.startsWith("# expect:"))
              .map(l -> l.substring("# expect:".length()).trim())
              .toList();
      String name = file.getFileName().toString();
      Path oldFile = file.resolveSibling("old-" + name.substring(name.indexOf('-') + 1));
      Optional<JsonNode> old =
          Files.exists(oldFile)
              ? Optional.of(GeneratedCrds.YAML.readTree(oldFile.toFile()))
              : Optional.empty();
      return new Fixture(file, GeneratedCrds.YAML.readTree(text), old, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
