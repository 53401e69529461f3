package io.openshell.policy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.testing.GoldenScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden scenarios: {@code src/test/resources/validate/<rule>/policy.yaml} must parse, and its
 * violations, one per line as {@code <field>: <message>}, must equal {@code expected.txt}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files (then review the diff).
 */
class ValidationScenariosTest {
  private static final Path ROOT = Path.of("src/test/resources/validate");

  static Stream<String> scenarios() throws IOException {
    return GoldenScenarios.under(ROOT).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void validationMatchesTheGoldenViolations(String scenario) throws IOException {
    Path dir = ROOT.resolve(scenario);
    Parsed<SandboxPolicy> parsed =
        PolicyYaml.read(Files.readString(dir.resolve("policy.yaml"), StandardCharsets.UTF_8));
    assertThat(parsed.hasErrors()).as("parse errors: %s", parsed.diagnostics()).isFalse();
    String actual =
        PolicyValidator.validate(parsed.orElseThrow()).stream()
            .map(v -> v.field() + ": " + v.message() + "\n")
            .collect(Collectors.joining());
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
