package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.testing.GoldenScenarios;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the canonical policy rendering: {@code format/<rule>/in.yaml} is read and
 * written, and must give exactly {@code out.yaml}.
 */
class PolicyGoldenTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    return GoldenScenarios.under(Path.of(PolicyGoldenTest.class.getResource("/format").toURI()))
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalRenderingMatchesTheGoldenFile(String name) throws IOException {
    SandboxPolicy policy = PolicyYaml.read(resource(name, "in.yaml")).orElseThrow();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(
          Path.of("src/test/resources/format", name, "out.yaml"),
          PolicyYaml.write(policy),
          StandardCharsets.UTF_8);
      return;
    }

    assertThat(PolicyYaml.write(policy)).isEqualTo(resource(name, "out.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldenOutputIsAFixedPointOfReadAndWrite(String name) throws IOException {
    String out = resource(name, "out.yaml");
    SandboxPolicy fromIn = PolicyYaml.read(resource(name, "in.yaml")).orElseThrow();
    SandboxPolicy fromOut = PolicyYaml.read(out).orElseThrow();

    // Text, not model equality: what the writer drops (a binary's harness) is not in the output.
    assertThat(PolicyYaml.write(fromOut)).isEqualTo(PolicyYaml.write(fromIn));
    assertThat(PolicyYaml.write(fromOut)).isEqualTo(out);
  }

  private static String resource(String name, String file) throws IOException {
    try (var in = PolicyGoldenTest.class.getResourceAsStream("/format/" + name + "/" + file)) {
      assertThat(in).as("/format/%s/%s", name, file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
