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
import io.openshell.policy.testing.GoldenScenarios;
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
 * name}, {@code type}, {@code credentialKeys}, {@code configKeys}, {@code credentialExpiresAt},
 * {@code runtimeCredentials}; {@code providersV2Enabled}), optional {@code global-policy.yaml} and
 * {@code profiles.yaml} (custom profiles in OpenShell's profile format, added to the 13 built-ins).
 * Expected: {@code expected-policy.yaml} (the canonical effective policy) or {@code
 * expected-violations.txt} (one block per violation: {@code [Reason] field} then the message,
 * blocks separated by a blank line).
 *
 * <p>{@code sandbox.yaml} may name another entry point with {@code check:} (default {@code
 * compose}); these always compare {@code expected-violations.txt} ({@code (none)} when accepted):
 *
 * <ul>
 *   <li>{@code attach} / {@code detach} with {@code provider: NAME}: {@link
 *       ProviderAttachments#checkAttachLimit} then {@link ProviderAttachments#checkAttach} on the
 *       deduplicated list with NAME appended, or {@link ProviderAttachments#checkDetach} on the
 *       list without NAME;
 *   <li>{@code global-policy}: {@link PolicyEngine#checkGlobalPolicy} of {@code
 *       global-policy.yaml};
 *   <li>{@code user-policy}: {@link PolicyEngine#checkUserPolicy} of {@code policy.yaml};
 *   <li>{@code provider-credentials}: {@link ProviderCredentials#check} of the first provider
 *       ({@code runtimeCredentials}) against its profile;
 *   <li>{@code activation}: {@link ActivationCheck#check} of turning {@code providersV2Enabled} on
 *       (from off) for this one sandbox;
 *   <li>{@code profile-update}: {@link ProfileFanOut#check} of updating to {@code candidate.yaml};
 *   <li>{@code profile-delete} with {@code id}: {@link InUse#profileInUse};
 *   <li>{@code builtin-write} with {@code id} and {@code write} ({@code CREATE}, {@code UPDATE},
 *       {@code DELETE}): {@link BuiltinReadOnly#check}.
 * </ul>
 *
 * Each scenario's {@code sandbox.yaml} starts with a comment citing the OpenShell source it
 * mirrors. Run with {@code -Dgolden.update=true} to rewrite the expected files.
 */
class ComposeGoldenTest {
  private static final Path ROOT = Paths.get("src/test/resources/compose");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static Stream<String> scenarios() throws IOException {
    return GoldenScenarios.under(ROOT).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenarioProducesItsExpectedOutput(String scenario) throws IOException {
    Path dir = ROOT.resolve(scenario);
    JsonNode sandbox = YAML.readTree(dir.resolve("sandbox.yaml").toFile());
    String check = sandbox.path("check").asText("compose");
    if (!check.equals("compose")) {
      List<Violation> found = check(check, sandbox, dir);
      String actual = found.isEmpty() ? "(none)\n" : render(found);
      Path expected = dir.resolve("expected-violations.txt");
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
      return;
    }
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

  private static List<Violation> check(String check, JsonNode sandbox, Path dir)
      throws IOException {
    SandboxInputs in = inputs(dir);
    String provider = sandbox.path("provider").asText();
    switch (check) {
      case "attach" -> {
        Optional<Violation> limit = ProviderAttachments.checkAttachLimit(in.providers(), provider);
        if (limit.isPresent()) {
          return List.of(limit.get());
        }
        List<String> candidate = new ArrayList<>(new java.util.LinkedHashSet<>(in.providers()));
        if (!candidate.contains(provider)) {
          candidate.add(provider);
        }
        return ProviderAttachments.checkAttach(withProviders(in, candidate));
      }
      case "detach" -> {
        List<String> candidate =
            in.providers().stream().filter(n -> !n.equals(provider)).distinct().toList();
        return ProviderAttachments.checkDetach(withProviders(in, candidate));
      }
      case "global-policy" -> {
        return PolicyEngine.checkGlobalPolicy(in.settings().globalPolicy().orElseThrow());
      }
      case "user-policy" -> {
        return PolicyEngine.checkUserPolicy(in.policy().orElseThrow(), in.settings());
      }
      case "provider-credentials" -> {
        ProviderRecord record = in.providerRecords().get(in.providers().get(0));
        boolean allowsEmpty =
            in.catalog()
                .forProviderType(record.type())
                .map(e -> e.profile().allowsEmptyProviderCredentials())
                .orElse(false);
        return ProviderCredentials.check(
                record.credentialKeys(), record.runtimeCredentials(), allowsEmpty)
            .stream()
            .toList();
      }
      case "activation" -> {
        Settings off = new Settings(false, Optional.empty(), 1);
        return ActivationCheck.check(off, in.settings(), List.of(in));
      }
      case "profile-update" -> {
        ProviderProfile candidate =
            ProfileFiles.readYaml(Files.readString(dir.resolve("candidate.yaml")))
                .get(0)
                .orElseThrow();
        return ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, List.of(in));
      }
      case "profile-delete" -> {
        return InUse.profileInUse(sandbox.path("id").asText(), List.of(in)).stream().toList();
      }
      case "builtin-write" -> {
        return BuiltinReadOnly.check(
                sandbox.path("id").asText(),
                BuiltinReadOnly.Write.valueOf(sandbox.path("write").asText()))
            .stream()
            .toList();
      }
      default -> throw new IllegalArgumentException("unknown check '" + check + "'");
    }
  }

  private static SandboxInputs withProviders(SandboxInputs in, List<String> providers) {
    return new SandboxInputs(
        in.namespace(),
        in.name(),
        in.policy(),
        providers,
        in.providerRecords(),
        in.catalog(),
        in.settings(),
        in.now());
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
      List<String> configKeys = new ArrayList<>();
      p.path("configKeys").forEach(k -> configKeys.add(k.asText()));
      Map<String, Instant> expiries = new TreeMap<>();
      p.path("credentialExpiresAt")
          .properties()
          .iterator()
          .forEachRemaining(e -> expiries.put(e.getKey(), Instant.parse(e.getValue().asText())));
      String name = p.path("name").asText();
      records.put(
          name,
          new ProviderRecord(
              name,
              p.path("type").asText(),
              keys,
              configKeys,
              expiries,
              p.path("runtimeCredentials").asBoolean(false),
              "1"));
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
