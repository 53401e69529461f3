package io.openshell.plugin.input;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f/--file FILE}: the one input file of a write command. */
public final class FileOption {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      required = true,
      description = "An OpenShell file, or a manifest of the kind the command writes.")
  Path file;

  public Path file() {
    return file;
  }
}
