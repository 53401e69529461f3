package io.openshell.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Locates kubectl and puts the plugin launcher on kubectl's PATH. */
final class Tools {
  private Tools() {}

  /**
   * {@code OPENSHELL_KUBECTL}, else {@code .tools/kubectl/kubectl}, else {@code kubectl} on PATH.
   */
  static String kubectl() {
    String env = System.getenv("OPENSHELL_KUBECTL");
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path local = Repo.root().resolve(".tools/kubectl/kubectl");
    if (Files.isExecutable(local)) {
      return local.toString();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        "kubectl not found: .ci/run installs it; or set OPENSHELL_KUBECTL");
  }

  /**
   * PATH with {@code kubectl-plugin/bin} first, so {@code kubectl openshell} finds the launcher.
   */
  static Map<String, String> pluginEnvironment() {
    Path bin = Repo.root().resolve("kubectl-plugin/bin");
    return Map.of(
        "PATH",
        bin + File.pathSeparator + System.getenv().getOrDefault("PATH", ""),
        "OPENSHELL_PLUGIN_JAR",
        Repo.jar("kubectl-plugin", "kubectl-openshell.jar").toString(),
        "JAVA_HOME",
        System.getProperty("java.home"),
        // the launcher's class-data archive: written by the first command, used by the others
        "OPENSHELL_PLUGIN_CACHE_DIR",
        Repo.root().resolve("e2e/target/plugin-cache").toString());
  }
}
