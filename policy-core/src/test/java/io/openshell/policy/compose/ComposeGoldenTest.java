package io.openshell.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.openshell.policy.Violation;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden composition scenarios under {@code src/test/resources/compose/<rule-as-a-name>/}.
 *
 * <p>Inputs: {@code policy.yaml} (base policy, OpenShell YAML; absent = the sandbox has none),
 * {@code sandbox.yaml} ({@code attached} names in order; {@code providers}: records with {@code
 * name}, {@code type}, {@code credentialKeys}, {@code credentialExpiresAt}; {@code
 * providersV2Enabled}), optional {@code global-policy.yaml} and {@code profiles.yaml} (custom
 * profiles in OpenShell's profile format, added to the 13 built-ins). Expected: {@code
 * expected-policy.yaml} (the canonical effective policy) or {@code expected-violations.txt} (one
 * block per violation: {@code [Reason] field} then the message, blocks separated by a blank line).
 * Run with {@code -Dgolden.update=true} to rewrite the expected files.
 */
class ComposeGoldenTest {
  private static final Path ROOT = Paths.get("src/test/resources/compose");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenarioProducesItsExpectedOutput(String scenario) throws IOException {
    Path dir = ROOT.resolve(scenario);
    CompositionResult result = PolicyEngine.compose(inputs(dir));

    Path expectedPolicy = dir.resolve("expected-policy.yaml");
    Path expectedViolations = dir.resolve("expected-violations.txt");
    String actual;
    Path expected;
    if (result instanceof CompositionResult.Composed c) {
      actual = c.effective().policyYaml();
      expected = expectedPolicy;
    } else {
      actual = render(((CompositionResult.Rejected) result).violations());
      expected = expectedViolations;
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.deleteIfExists(expectedPolicy);
      Files.deleteIfExists(expectedViolations);
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("expected output file for this result kind").exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static String render(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append('[').append(v.code().reason()).append("] ").append(v.field()).append('\n');
      sb.append(v.message()).append('\n');
    }
    return sb.toString();
  }

  private static SandboxInputs inputs(Path dir) throws IOException {
    Optional<SandboxPolicy> base = readPolicy(dir.resolve("policy.yaml"));
    Optional<SandboxPolicy> global = readPolicy(dir.resolve("global-policy.yaml"));
    JsonNode sandbox = YAML.readTree(dir.resolve("sandbox.yaml").toFile());

    List<CatalogEntry> entries = new ArrayList<>(BuiltinProfiles.all());
    Path profiles = dir.resolve("profiles.yaml");
    if (Files.exists(profiles)) {
      for (Parsed<ProviderProfile> p : ProfileFiles.readYaml(Files.readString(profiles))) {
        entries.add(new CatalogEntry(p.orElseThrow(), ProfileSource.USER, 1));
      }
    }

    List<String> attached = new ArrayList<>();
    sandbox.path("attached").forEach(n -> attached.add(n.asText()));
    Map<String, ProviderRecord> records = new LinkedHashMap<>();
    for (JsonNode p : sandbox.path("providers")) {
      List<String> keys = new ArrayList<>();
      p.path("credentialKeys").forEach(k -> keys.add(k.asText()));
      Map<String, Instant> expiries = new TreeMap<>();
      p.path("credentialExpiresAt")
          .properties()
          .iterator()
          .forEachRemaining(e -> expiries.put(e.getKey(), Instant.parse(e.getValue().asText())));
      String name = p.path("name").asText();
      records.put(
          name,
          new ProviderRecord(name, p.path("type").asText(), keys, List.of(), expiries, false, "1"));
    }
    Settings settings =
        new Settings(sandbox.path("providersV2Enabled").asBoolean(false), global, 1);
    return new SandboxInputs(
        "team-a", "box", base, attached, records, ProfileCatalog.of(entries), settings, NOW);
  }

  private static Optional<SandboxPolicy> readPolicy(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(PolicyYaml.read(Files.readString(file)).orElseThrow());
  }
}
