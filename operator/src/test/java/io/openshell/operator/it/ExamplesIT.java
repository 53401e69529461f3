package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.policyYaml;
import static io.openshell.testsupport.StatusConditions.has;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.crds.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's examples/ apply as the README says and give the documented policy. */
class ExamplesIT {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void examplesComposeTheDemoSandboxWithBothProviderLayers() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      h.apply(null, Files.readString(file)); // the client's namespace is "default", like kubectl's
    }

    var cm =
        h.awaitConfigMap(
            "default",
            "demo",
            c ->
                policyYaml(c).contains("_provider_work_github:")
                    && policyYaml(c).contains("_provider_internal_api:"));

    assertThat(policyYaml(cm)).contains("custom_pypi:").doesNotContain("replace-me");
    assertThat(
            h.awaitSandbox(
                    "default",
                    "demo",
                    s -> has(s.getStatus(), Conditions.POLICY_COMPOSED, "True", "Composed"))
                .getStatus()
                .getProviders())
        .hasSize(2);
  }
}
