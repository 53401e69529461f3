package io.openshell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartCrdsTest {
  private static final Path GENERATED = Path.of("../crds/src/main/crds");
  private static final Path CHART_CRDS = RenderedChart.CHART.resolve("crds");

  @Test
  void chartShipsExactlyTheGeneratedCrds() throws IOException {
    List<Path> generated = list(GENERATED);
    assertThat(list(CHART_CRDS).stream().map(p -> p.getFileName().toString()))
        .as("refresh with: ./mvnw -B -q -pl crds -am -Pupdate-crds process-classes")
        .containsExactlyElementsOf(
            generated.stream().map(p -> p.getFileName().toString()).toList());
    for (Path crd : generated) {
      assertThat(Files.readString(CHART_CRDS.resolve(crd.getFileName())))
          .as(
              "%s drifted; refresh with: ./mvnw -B -q -pl crds -am -Pupdate-crds process-classes",
              crd)
          .isEqualTo(Files.readString(crd));
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }
}
