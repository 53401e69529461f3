package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.openshell.policy.Violation;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.validate.PolicyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML a user copies from {@code examples/} or {@code docs/} is what the product accepts:
 * custom resources pass the generated CRD schema and CEL rules, OpenShell files parse and lint
 * clean.
 */
class ExamplesAndDocsTest {
  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> OUR_KINDS =
      Set.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  static Stream<Path> exampleManifests() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleManifests")
  void everyExampleManifestPassesTheCrdSchemaAndCelRules(Path file) throws IOException {
    List<JsonNode> docs = documents(Files.readString(file));
    assertThat(docs).isNotEmpty();
    for (JsonNode doc : docs) {
      assertValid(file.toString(), doc);
    }
  }

  @Test
  void exampleCredentialSecretsCarryTheOptInLabel() throws IOException {
    for (Path file : exampleManifests().toList()) {
      for (JsonNode doc : documents(Files.readString(file))) {
        if ("Secret".equals(doc.path("kind").asText())) {
          assertThat(doc.at("/metadata/labels/openshell.io~1provider-credentials").asText())
              .as(file + " " + doc.at("/metadata/name").asText())
              .isEqualTo("true");
        }
      }
    }
  }

  @Test
  void openShellProfileExamplesParseAndLintClean() throws IOException {
    Path profile = ROOT.resolve("examples/openshell/internal-api.yaml");
    List<Parsed<io.openshell.policy.model.ProviderProfile>> parsed = ProfileFiles.read(profile);

    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).hasErrors()).as(parsed.toString()).isFalse();
    assertThat(ProfileLint.lintProfile(parsed.get(0).orElseThrow()))
        .filteredOn(Violation::isError)
        .isEmpty();
  }

  @Test
  void openShellPolicyExamplesParseAndValidate() throws IOException {
    Parsed<SandboxPolicy> parsed =
        PolicyYaml.read(Files.readString(ROOT.resolve("examples/openshell/sandbox-policy.yaml")));

    assertThat(parsed.hasErrors()).as(parsed.toString()).isFalse();
    assertThat(PolicyValidator.validate(parsed.orElseThrow())).isEmpty();
  }

  static Stream<Path> docs() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    out.add(ROOT.resolve("README.md"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("docs")
  void everyYamlBlockInTheDocsParsesAndOurResourcesInThemAreValid(Path file) throws IOException {
    Matcher m = YAML_BLOCK.matcher(Files.readString(file));
    while (m.find()) {
      List<JsonNode> docs = documents(m.group(1));
      for (JsonNode doc : docs) {
        if (OUR_KINDS.contains(doc.path("kind").asText())) {
          assertValid(file.toString(), doc);
        }
      }
    }
  }

  private static void assertValid(String where, JsonNode doc) {
    String kind = doc.path("kind").asText();
    assertThat(kind).as(where).isNotEmpty();
    if (!OUR_KINDS.contains(kind)) {
      return;
    }
    assertThat(CrdValidator.of(kind).validate(doc))
        .as(where + " " + kind + "/" + doc.at("/metadata/name").asText())
        .isEmpty();
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          out.add(doc);
        }
      }
    }
    return out;
  }
}
