package io.openshell.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: cores, CPU model, load average, Java version. */
final class Machine {
  private Machine() {}

  static String describe() {
    return "%d cores (nproc), %s, Java %s"
        .formatted(Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.version());
  }

  /** The 1/5/15-minute load averages now, from /proc/loadavg. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown CPU";
    }
    return "unknown CPU";
  }
}
