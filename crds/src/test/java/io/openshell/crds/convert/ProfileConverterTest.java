package io.openshell.crds.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.openshell.crds.v1alpha1.CredentialSpec;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.ProviderProfileSpec;
import io.openshell.crds.v1alpha1.RefreshSpec;
import io.openshell.policy.Severity;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileConverterTest {

  @Test
  void everyBuiltinProfileSurvivesModelToResourceToModel() {
    assertThat(BuiltinProfiles.all()).hasSize(13);
    for (CatalogEntry entry : BuiltinProfiles.all()) {
      Conversion<ProviderProfile> cr = ProfileConverter.toResource(entry.profile());
      assertThat(cr.violations()).as(entry.id()).isEmpty();
      ProviderProfile stored = Yaml.throughYaml(cr.value(), ProviderProfile.class);
      Conversion<io.openshell.policy.model.ProviderProfile> back = ProfileConverter.toModel(stored);
      assertThat(back.violations()).as(entry.id()).isEmpty();
      assertThat(back.value()).as(entry.id()).isEqualTo(entry.profile());
    }
  }

  @Test
  void everyOpenShellProfileFileSurvivesModelToResourceToModel() throws java.io.IOException {
    List<Path> files;
    try (var walk = java.nio.file.Files.walk(Path.of("../policy-core/src/test/resources"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int converted = 0;
    for (Path file : files) {
      String text = java.nio.file.Files.readString(file);
      if (!text.contains("display_name:")) {
        continue; // not a profile file
      }
      for (var parsed : io.openshell.policy.format.ProfileFiles.readYaml(text)) {
        if (parsed.hasErrors()) {
          continue; // lint inputs that do not parse
        }
        var profile = parsed.orElseThrow();
        Conversion<ProviderProfile> cr = ProfileConverter.toResource(profile);
        var back = ProfileConverter.toModel(Yaml.throughYaml(cr.value(), ProviderProfile.class));
        assertThat(back.violations()).as(file.toString()).isEmpty();
        boolean harness = profile.binaries().stream().anyMatch(NetworkBinary::harness);
        assertThat(back.value())
            .as(file.toString())
            .isEqualTo(harness ? withoutHarness(profile) : profile.withResourceVersion(0));
        converted++;
      }
    }
    assertThat(converted).as("profile files converted").isGreaterThanOrEqualTo(10);
  }

  private static io.openshell.policy.model.ProviderProfile withoutHarness(
      io.openshell.policy.model.ProviderProfile p) {
    return new io.openshell.policy.model.ProviderProfile(
        p.id(),
        0,
        p.annotations(),
        p.displayName(),
        p.description(),
        p.category(),
        p.inferenceCapable(),
        p.credentials(),
        p.discoveryCredentials(),
        p.endpoints(),
        p.binaries().stream().map(b -> NetworkBinary.of(b.path())).toList());
  }

  @Test
  void profileResourceFixturesSurviveResourceToModelToResource() {
    for (String name : List.of("valid-github-like.yaml", "valid-mcp-and-token-grant.yaml")) {
      ProviderProfile cr =
          Yaml.read(
              Path.of("src/test/resources/schema/providerprofile", name), ProviderProfile.class);
      var model = ProfileConverter.toModel(cr);
      assertThat(model.violations()).isEmpty();
      ProviderProfile again = ProfileConverter.toResource(model.value()).value();
      JsonNode expected = Yaml.SERIALIZATION.convertValue(cr.getSpec(), JsonNode.class);
      JsonNode actual = Yaml.SERIALIZATION.convertValue(again.getSpec(), JsonNode.class);
      assertThat(actual).as(name).isEqualTo(expected);
      assertThat(again.getMetadata().getName()).isEqualTo(cr.getMetadata().getName());
      assertThat(again.getMetadata().getAnnotations()).isEqualTo(cr.getMetadata().getAnnotations());
    }
  }

  @Test
  void nameIsTheIdAndAnnotationsAreOpenShellAnnotations() {
    var profile = withAnnotations(Map.of("owner", "team-a"));
    ProviderProfile cr = ProfileConverter.toResource(profile).value();
    assertThat(cr.getMetadata().getName()).isEqualTo("custom");
    assertThat(cr.getMetadata().getAnnotations()).containsExactly(Map.entry("owner", "team-a"));
  }

  @Test
  void kubernetesOwnAnnotationsAreNotOpenShellAnnotations() {
    ProviderProfile cr = ProfileConverter.toResource(withAnnotations(Map.of("owner", "a"))).value();
    cr.getMetadata().getAnnotations().put("kubectl.kubernetes.io/last-applied-configuration", "{}");
    cr.getMetadata().getAnnotations().put("argocd.argoproj.io/sync-wave", "1");
    assertThat(ProfileConverter.toModel(cr).value().annotations())
        .containsOnlyKeys("owner", "argocd.argoproj.io/sync-wave");
  }

  @Test
  void resourceVersionIsTheGenerationOfACustomProfile() {
    ProviderProfile cr = ProfileConverter.toResource(withAnnotations(Map.of())).value();
    cr.getMetadata().setGeneration(7L);
    assertThat(ProfileConverter.toModel(cr).value().resourceVersion()).isEqualTo(7);
  }

  @Test
  void builtinProfilesHaveNoResourceVersion() {
    ProviderProfile cr =
        ProfileConverter.toResource(BuiltinProfiles.get("github").orElseThrow()).value();
    cr.getMetadata().setGeneration(3L);
    cr.getMetadata().setLabels(Map.of(ProviderProfile.SOURCE_LABEL, "builtin"));
    assertThat(ProfileConverter.toModel(cr).value().resourceVersion()).isZero();
  }

  @Test
  void harnessFlagIsDroppedWithAWarning() {
    var profile =
        withBinaries(
            List.of(NetworkBinary.of("/usr/bin/gh"), new NetworkBinary("/usr/bin/agent", true)));
    Conversion<ProviderProfile> cr = ProfileConverter.toResource(profile);
    assertThat(cr.value().getSpec().getBinaries()).containsExactly("/usr/bin/gh", "/usr/bin/agent");
    assertThat(cr.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.severity()).isEqualTo(Severity.WARNING);
              assertThat(v.field()).isEqualTo("binaries[1].harness");
              assertThat(v.message()).contains("/usr/bin/agent").contains("harness");
            });
    assertThat(cr.hasErrors()).isFalse();
  }

  @Test
  void unknownCategoryIsAnErrorWithOpenShellsParseMessage() {
    ProviderProfile cr = minimal();
    cr.getSpec().setCategory("games");
    var model = ProfileConverter.toModel(cr);
    assertThat(model.hasErrors()).isTrue();
    assertThat(model.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.PARSE_ERROR);
              assertThat(v.field()).isEqualTo("category");
              assertThat(v.message()).isEqualTo("unsupported provider profile category: games");
            });
  }

  @Test
  void categoryIsReadAsOpenShellReadsIt() {
    ProviderProfile cr = minimal();
    cr.getSpec().setCategory("Source-Control");
    assertThat(ProfileConverter.toModel(cr).value().category())
        .isEqualTo(ProfileCategory.SOURCE_CONTROL);
  }

  @Test
  void unknownRefreshStrategyIsAnErrorWithOpenShellsParseMessage() {
    ProviderProfile cr = minimal();
    CredentialSpec credential = new CredentialSpec();
    credential.setName("key");
    RefreshSpec refresh = new RefreshSpec();
    refresh.setStrategy("magic");
    credential.setRefresh(refresh);
    cr.getSpec().setCredentials(List.of(credential));
    var model = ProfileConverter.toModel(cr);
    assertThat(model.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.isError()).isTrue();
              assertThat(v.field()).isEqualTo("credentials.refresh.strategy");
              assertThat(v.message()).isEqualTo("unsupported provider refresh strategy: magic");
            });
  }

  @Test
  void unknownEndpointEnumValuesPassThroughForValidationToReport() {
    var profile =
        withEndpoints(
            List.of(
                NetworkEndpoint.builder()
                    .host("a.example.com")
                    .port(443)
                    .protocol("gopher")
                    .tls("maybe")
                    .build()));
    ProviderProfile cr = ProfileConverter.toResource(profile).value();
    assertThat(cr.getSpec().getEndpoints().get(0).getProtocol()).isEqualTo("gopher");
    var back = ProfileConverter.toModel(Yaml.throughYaml(cr, ProviderProfile.class));
    assertThat(back.violations()).isEmpty();
    assertThat(back.value().endpoints().get(0).protocol()).isEqualTo("gopher");
    assertThat(back.value().endpoints().get(0).tls()).isEqualTo("maybe");
  }

  private static ProviderProfile minimal() {
    ProviderProfile cr = new ProviderProfile();
    ObjectMeta meta = new ObjectMeta();
    meta.setName("custom");
    cr.setMetadata(meta);
    ProviderProfileSpec spec = new ProviderProfileSpec();
    spec.setDisplayName("Custom");
    cr.setSpec(spec);
    return cr;
  }

  private static io.openshell.policy.model.ProviderProfile withAnnotations(
      Map<String, String> annotations) {
    return new io.openshell.policy.model.ProviderProfile(
        "custom",
        0,
        annotations,
        "Custom",
        "",
        ProfileCategory.OTHER,
        false,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static io.openshell.policy.model.ProviderProfile withBinaries(
      List<NetworkBinary> binaries) {
    return new io.openshell.policy.model.ProviderProfile(
        "custom",
        0,
        Map.of(),
        "Custom",
        "",
        ProfileCategory.OTHER,
        false,
        List.of(),
        List.of(),
        List.of(),
        binaries);
  }

  private static io.openshell.policy.model.ProviderProfile withEndpoints(
      List<NetworkEndpoint> endpoints) {
    return new io.openshell.policy.model.ProviderProfile(
        "custom",
        0,
        Map.of(),
        "Custom",
        "",
        ProfileCategory.OTHER,
        false,
        List.of(),
        List.of(),
        endpoints,
        List.of());
  }
}
