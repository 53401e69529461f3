package io.openshell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository: the built jars the suite launches and the examples it applies. */
final class Repo {
  private Repo() {}

  static Path root() {
    String prop = System.getProperty("openshell.repo.root");
    Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("policy-core"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found from " + start);
  }

  static Path jar(String module, String fileName) {
    Path jar = root().resolve(module).resolve("target").resolve(fileName);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (./mvnw -DskipTests package -pl " + module + " -am)");
    }
    return jar;
  }

  static Path examples() {
    return root().resolve("examples");
  }

  static Path workDir() {
    return root().resolve("e2e").resolve("target").resolve("e2e");
  }

  static Path logDir() {
    return workDir().resolve("logs");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
