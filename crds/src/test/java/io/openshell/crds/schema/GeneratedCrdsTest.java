package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed CRD YAML is exactly what the generator writes, and has the contract's shape. */
class GeneratedCrdsTest {
  static final String REFRESH = "./mvnw -B -q -pl crds -am -Pupdate-crds process-classes";

  @Test
  void committedCrdsAreExactlyWhatTheGeneratorWrites() throws IOException {
    List<Path> generated = GeneratedCrds.yamlFiles(GeneratedCrds.GENERATED);
    List<Path> committed = GeneratedCrds.committedFiles();
    assertThat(committed.stream().map(p -> p.getFileName().toString()))
        .as("CRD files under src/main/crds; refresh with: " + REFRESH)
        .containsExactlyElementsOf(
            generated.stream().map(p -> p.getFileName().toString()).toList());
    for (Path g : generated) {
      Path c = GeneratedCrds.COMMITTED.resolve(g.getFileName());
      if (!Files.readString(g).equals(Files.readString(c))) {
        fail(
            "%s differs from the CRD generated from the Java types. Refresh the committed copy with: %s",
            c, REFRESH);
      }
    }
  }

  @Test
  void everyKindIsInTheOpenshellCategoryWithAStatusSubresource() {
    for (Path file : GeneratedCrds.committedFiles()) {
      JsonNode crd = GeneratedCrds.read(file);
      assertThat(crd.at("/spec/names/categories").toString())
          .as(file.toString())
          .isEqualTo("[\"openshell\"]");
      assertThat(crd.at("/spec/versions/0/subresources/status").isObject())
          .as(file.toString())
          .isTrue();
      assertThat(crd.at("/spec/names/shortNames").size()).as(file.toString()).isEqualTo(1);
    }
  }

  @Test
  void everyStatusHasObservedGenerationAndConditionsKeyedByType() {
    for (Path file : GeneratedCrds.committedFiles()) {
      JsonNode status =
          GeneratedCrds.read(file).at("/spec/versions/0/schema/openAPIV3Schema/properties/status");
      JsonNode conditions = status.at("/properties/conditions");
      assertThat(status.at("/properties/observedGeneration/type").asText()).isEqualTo("integer");
      assertThat(conditions.path("x-kubernetes-list-type").asText())
          .as(file.toString())
          .isEqualTo("map");
      assertThat(conditions.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"type\"]");
      assertThat(conditions.at("/items/required").toString()).contains("\"type\"");
    }
  }

  @Test
  void sandboxProvidersIsASetOfAtMost32() {
    JsonNode providers =
        GeneratedCrds.schema("Sandbox").at("/properties/spec/properties/providers");
    assertThat(providers.path("x-kubernetes-list-type").asText()).isEqualTo("set");
    assertThat(providers.path("maxItems").asInt()).isEqualTo(32);
    assertThat(providers.at("/items/pattern").asText()).isNotEmpty();
  }

  @Test
  void podTemplateIsKeptAsAnOpaqueObjectToKeepTheCrdSmall() {
    JsonNode pod = GeneratedCrds.schema("Sandbox").at("/properties/spec/properties/podTemplate");
    assertThat(pod.path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    assertThat(pod.has("properties")).isFalse();
  }

  @Test
  void clusterScopedKindsAreProfilesAndSettings() {
    assertThat(GeneratedCrds.crd("ProviderProfile").at("/spec/scope").asText())
        .isEqualTo("Cluster");
    assertThat(GeneratedCrds.crd("OpenShellSettings").at("/spec/scope").asText())
        .isEqualTo("Cluster");
    assertThat(GeneratedCrds.crd("Provider").at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(GeneratedCrds.crd("Sandbox").at("/spec/scope").asText()).isEqualTo("Namespaced");
  }
}
