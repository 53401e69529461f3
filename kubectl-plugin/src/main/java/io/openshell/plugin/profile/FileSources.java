package io.openshell.plugin.profile;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code (-f FILE ... | --from DIR)}: where profiles are read from. */
public final class FileSources {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      required = true,
      description = "A profile file (OpenShell YAML/JSON or a ProviderProfile manifest); repeatable.")
  List<Path> files;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      required = true,
      description = "Every *.yaml, *.yml and *.json file of a directory (not recursive), sorted.")
  Path from;

  public List<Path> files() {
    return files == null ? List.of() : files;
  }

  public Path from() {
    return from;
  }
}
