package io.openshell.plugin.profile;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code (-f FILE ... | --from DIR)}: where profiles are read from. A mixin with a usage check
 * (rather than an exclusive group, which picocli's annotation processor cannot read across
 * classes).
 */
public final class FileSources {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "A profile file (OpenShell YAML/JSON or a ProviderProfile manifest); repeatable.")
  List<Path> files;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description = "Every *.yaml, *.yml and *.json file of a directory (not recursive), sorted.")
  Path from;

  /** Exactly one of {@code -f} and {@code --from}, else a usage error (exit 2). */
  public void require(CommandSpec spec) {
    boolean hasFiles = files != null && !files.isEmpty();
    if (hasFiles == (from != null)) {
      throw new ParameterException(
          spec.commandLine(), "Error: exactly one of -f FILE or --from DIR is required");
    }
  }

  public List<Path> files() {
    return files == null ? List.of() : files;
  }

  public Path from() {
    return from;
  }
}
