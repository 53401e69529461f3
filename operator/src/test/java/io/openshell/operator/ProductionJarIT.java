package io.openshell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded production jar (integration tests run after {@code package}) carries no development
 * server: those classes live in the {@code dev-mode} launcher only.
 */
class ProductionJarIT {
  static final Path JAR = Path.of("target/openshell-operator.jar");

  static final List<String> FORBIDDEN =
      List.of(
          "io/fabric8/mockwebserver/",
          "io/fabric8/kubernetes/client/server/mock/",
          "io/openshell/devapi/",
          "io/openshell/devmode/");

  @Test
  void theOperatorJarContainsNoMockServerOrDevelopmentApiServerClass() throws Exception {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> entries = jar.stream().map(ZipEntry::getName).toList();
      assertThat(entries).contains("io/openshell/operator/OperatorMain.class");
      assertThat(entries)
          .filteredOn(e -> FORBIDDEN.stream().anyMatch(e::startsWith))
          .as("development classes in %s", JAR)
          .isEmpty();
    }
  }

  @Test
  void theOperatorHelpNamesEveryVariableTheOperatorReads() throws Exception {
    for (Path source :
        List.of(
            Path.of("src/main/java/io/openshell/operator/OperatorConfig.java"),
            Path.of("src/main/java/io/openshell/operator/webhook/WebhookBootstrap.java"))) {
      var names =
          java.util.regex.Pattern.compile("\"(OPENSHELL_[A-Z_]+)\"")
              .matcher(Files.readString(source))
              .results()
              .map(m -> m.group(1))
              .toList();
      assertThat(names).isNotEmpty();
      assertThat(OperatorMain.USAGE).contains(names);
    }
  }
}
