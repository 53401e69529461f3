package io.openshell.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.resolve.InMemorySandboxLookups;
import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.testing.GoldenScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden derived resources under {@code src/test/resources/derived/<rule-as-a-name>/}: the CRs in
 * {@code in-*.yaml} (exactly one Sandbox; Providers, Secrets, ProviderProfiles, the settings) go
 * through the operator's own path (resolver over in-memory lookups, policy-core, the ConfigMap
 * renderer, the status factory with a fixed clock) and must give {@code out-ConfigMap.yaml} (absent
 * when the composition is rejected: nothing is delivered) and {@code out-SandboxStatus.yaml}. Run
 * with {@code -Dgolden.update=true} to rewrite the expected files.
 */
class DerivedResourcesTest {
  private static final Path ROOT = Paths.get("src/test/resources/derived");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  static Stream<String> scenarios() throws IOException {
    return GoldenScenarios.under(ROOT).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void crsDeriveTheExpectedConfigMapAndStatus(String scenario) throws IOException {
    Path dir = ROOT.resolve(scenario);
    List<HasMetadata> objects = InMemorySandboxLookups.parse(inputs(dir));
    InMemorySandboxLookups lookups = new InMemorySandboxLookups(objects);
    List<Sandbox> sandboxes =
        objects.stream().filter(Sandbox.class::isInstance).map(Sandbox.class::cast).toList();
    assertThat(sandboxes).as("one Sandbox per scenario").hasSize(1);
    Sandbox sandbox = sandboxes.get(0);

    ResolvedSandbox resolved = new SandboxInputsResolver(CLOCK).resolve(sandbox, lookups);
    CompositionResult result = SandboxReconciler.outcome(resolved);
    Optional<String> configMap =
        result instanceof CompositionResult.Composed composed
            ? Optional.of(
                Serialization.asYaml(
                    PolicyConfigMapDependent.render(
                        sandbox,
                        composed
                            .effective()
                            .bundle(
                                sandbox.getMetadata().getGeneration(),
                                resolved.settingsGeneration()))))
            : Optional.empty();
    String status =
        Serialization.asYaml(
            new SandboxStatusFactory(CLOCK)
                .build(
                    sandbox,
                    new SandboxObservation(
                        result,
                        resolved.missingProviders(),
                        resolved.profilelessProviders(),
                        false,
                        Optional.empty())));

    check(dir.resolve("out-ConfigMap.yaml"), configMap);
    check(dir.resolve("out-SandboxStatus.yaml"), Optional.of(status));
  }

  private static String inputs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> in =
          files.filter(p -> p.getFileName().toString().matches("in-.*\\.yaml")).sorted().toList();
      StringBuilder yaml = new StringBuilder();
      for (Path p : in) {
        yaml.append(Files.readString(p, StandardCharsets.UTF_8)).append("\n---\n");
      }
      return yaml.toString();
    }
  }

  private static void check(Path expected, Optional<String> actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.deleteIfExists(expected);
      if (actual.isPresent()) {
        Files.writeString(expected, actual.get(), StandardCharsets.UTF_8);
      }
    }
    if (actual.isEmpty()) {
      assertThat(expected).as("nothing is delivered for a rejected composition").doesNotExist();
      return;
    }
    assertThat(expected).exists();
    assertThat(actual.get()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
