package io.openshell.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.format.YamlTrees;
import io.openshell.policy.model.ProviderProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code builtin-profiles.json} (what {@link BuiltinProfiles} reads) is derived from {@code
 * builtin-profiles.yaml} (the copy of OpenShell's files): the YAML documents' trees written as one
 * JSON array. Run with {@code -Dgolden.update=true} after changing the YAML to rewrite it.
 */
class BuiltinProfilesJsonTest {
  static final Path COMPILED =
      Path.of("src/main/resources/io/openshell/policy/catalog", BuiltinProfiles.COMPILED);

  private static String resource(String name) throws IOException {
    try (var in = BuiltinProfiles.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The JSON the YAML compiles to: its documents, in order, pretty-printed. */
  private static String compile(String yaml) throws IOException {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (JsonNode doc : YamlTrees.readAll(yaml)) {
      if (!doc.isNull() && !doc.isMissingNode()) {
        all.add(doc);
      }
    }
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n";
  }

  @Test
  void theBundledJsonIsTheYamlCatalogueWrittenAsJson() throws IOException {
    String expected = compile(resource(BuiltinProfiles.RESOURCE));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(COMPILED, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(resource(BuiltinProfiles.COMPILED)).isEqualTo(expected);
  }

  @Test
  void theJsonAndTheYamlReadToTheSameThirteenProfiles() {
    List<ProviderProfile> fromYaml =
        BuiltinProfiles.check(
            BuiltinProfiles.read(BuiltinProfiles.RESOURCE, ProfileFiles::readYaml));
    List<ProviderProfile> fromJson =
        BuiltinProfiles.check(
            BuiltinProfiles.read(BuiltinProfiles.COMPILED, ProfileFiles::readJson));
    assertThat(fromJson).hasSize(13).isEqualTo(fromYaml);
    assertThat(BuiltinProfiles.all())
        .extracting(CatalogEntry::profile)
        .containsExactlyInAnyOrderElementsOf(fromYaml);
  }
}
