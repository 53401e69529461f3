package io.openshell.plugin.output;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -o/--output FORMAT}: each command names its default and the formats it supports. */
public final class OutputOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "Output format: table, yaml, json or cr (the command's description says which).")
  OutputFormat output;

  /** Whether {@code -o} was given. */
  public boolean isSet() {
    return output != null;
  }

  /** The format given, else {@code fallback}; a usage error unless it is one of {@code allowed}. */
  public OutputFormat format(OutputFormat fallback, OutputFormat... allowed) {
    return OutputFormat.require(mixee, output == null ? fallback : output, allowed);
  }
}
