package io.openshell.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.testing.GoldenScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden scenarios: {@code src/test/resources/lint/<rule>/profile.yaml} is read as the CLI does
 * (file diagnostics, then the documents without a file error are linted as a batch); the
 * diagnostics, one per line as {@code <severity> <profile id> <field>: <message>}, must equal
 * {@code expected.txt}. Run with {@code -Dgolden.update=true} to rewrite the expected files (then
 * review the diff).
 */
class LintScenariosTest {
  private static final Path ROOT = Path.of("src/test/resources/lint");

  static Stream<String> scenarios() throws IOException {
    return GoldenScenarios.under(ROOT).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void lintMatchesTheGoldenDiagnostics(String scenario) throws IOException {
    Path dir = ROOT.resolve(scenario);
    List<Parsed<ProviderProfile>> parsed =
        ProfileFiles.readYaml(
            Files.readString(dir.resolve("profile.yaml"), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    // As `profile lint` (run.rs:4082-4110): file diagnostics first; the documents without a file
    // error are still linted.
    List<ProviderProfile> batch = new ArrayList<>();
    for (Parsed<ProviderProfile> p : parsed) {
      p.diagnostics().forEach(v -> lines.add(line("-", v)));
      if (!p.hasErrors()) {
        batch.add(p.orElseThrow());
      }
    }
    for (ProfileDiagnostic d : ProfileLint.validateProfileSet(batch)) {
      lines.add(line(d.profileId().isEmpty() ? "-" : d.profileId(), d.violation()));
    }
    String actual = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static String line(String profileId, Violation v) {
    return v.severity().label() + " " + profileId + " " + v.field() + ": " + v.message();
  }
}
