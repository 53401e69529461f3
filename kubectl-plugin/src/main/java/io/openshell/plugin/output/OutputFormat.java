package io.openshell.plugin.output;

import io.openshell.plugin.kube.KubeJson;
import java.io.PrintWriter;

/** The {@code -o} formats. */
public enum OutputFormat {
  TABLE,
  YAML,
  JSON,
  CR;

  /** A usage error unless {@code format} is one of {@code allowed}. */
  public static OutputFormat require(
      picocli.CommandLine.Model.CommandSpec spec, OutputFormat format, OutputFormat... allowed) {
    for (OutputFormat a : allowed) {
      if (a == format) {
        return format;
      }
    }
    StringBuilder names = new StringBuilder();
    for (OutputFormat a : allowed) {
      names
          .append(names.length() == 0 ? "" : ", ")
          .append(a.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "unsupported output format '"
            + format.name().toLowerCase(java.util.Locale.ROOT)
            + "' (expected "
            + names
            + ")");
  }

  /**
   * Prints {@code value} as YAML or JSON (the Kubernetes client's serializer, stable key order).
   */
  public static void print(PrintWriter out, OutputFormat format, Object value) {
    switch (format) {
      case JSON -> out.println(json(value));
      case YAML, CR -> out.print(yaml(value));
      case TABLE -> throw new IllegalArgumentException("table is printed by the command");
    }
  }

  /**
   * The writers, built on first use: the enum is initialised while picocli parses {@code -o}, and
   * most commands print a table.
   */
  private static final class Writers {
    static final com.fasterxml.jackson.databind.ObjectWriter PRETTY_JSON =
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter();

    static final com.fasterxml.jackson.databind.ObjectMapper YAML_MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper(
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                .disable(
                    com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                        .WRITE_DOC_START_MARKER)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());

    private Writers() {}
  }

  /** Indented JSON, as {@code kubectl -o json} prints it. */
  public static String json(Object value) {
    try {
      return Writers.PRETTY_JSON.writeValueAsString(
          KubeJson.MAPPING.convertValue(value, com.fasterxml.jackson.databind.JsonNode.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /** kubectl-looking YAML: no document marker, quotes only where YAML needs them. */
  public static String yaml(Object value) {
    try {
      // through the Kubernetes mapper first, so resources serialize as the API server shows them
      Object tree =
          KubeJson.MAPPING.convertValue(value, com.fasterxml.jackson.databind.JsonNode.class);
      return Writers.YAML_MAPPER.writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render YAML", e);
    }
  }
}
