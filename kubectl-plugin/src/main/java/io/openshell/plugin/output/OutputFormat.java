package io.openshell.plugin.output;

import io.fabric8.kubernetes.client.utils.Serialization;
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
      case JSON -> out.println(Serialization.asJson(value));
      case YAML, CR -> out.print(yamlDocument(Serialization.asYaml(value)));
      case TABLE -> throw new IllegalArgumentException("table is printed by the command");
    }
  }

  /** Drops the {@code ---} document marker the serializer puts first. */
  static String yamlDocument(String yaml) {
    String y = yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    return y.endsWith("\n") ? y : y + "\n";
  }
}
