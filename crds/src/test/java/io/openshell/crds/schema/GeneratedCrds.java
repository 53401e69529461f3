package io.openshell.crds.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed CRD YAML (what ships), read as JSON trees. */
final class GeneratedCrds {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Committed copies: the build fails if they differ from what the generator writes. */
  static final Path COMMITTED = Path.of("src/main/crds");

  /** Where crd-generator-maven-plugin writes during process-classes. */
  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");

  private GeneratedCrds() {}

  static List<Path> committedFiles() {
    return yamlFiles(COMMITTED);
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRD whose {@code spec.names.kind} is {@code kind}. */
  static JsonNode crd(String kind) {
    return committedFiles().stream()
        .map(GeneratedCrds::read)
        .filter(c -> kind.equals(c.at("/spec/names/kind").asText()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no CRD for kind " + kind));
  }

  /** The {@code openAPIV3Schema} of the kind's only version. */
  static JsonNode schema(String kind) {
    return crd(kind).at("/spec/versions/0/schema/openAPIV3Schema");
  }
}
