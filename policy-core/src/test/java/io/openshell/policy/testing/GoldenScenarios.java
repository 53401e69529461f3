package io.openshell.policy.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden-scenario layout every golden test shares: one directory per scenario under a root,
 * named by what it shows, run in name order. In policy-core's test jar, so the operator's
 * derived-resource tests list theirs the same way.
 */
public final class GoldenScenarios {
  private GoldenScenarios() {}

  /** The scenario directory names under {@code root}, sorted. */
  public static List<String> under(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
