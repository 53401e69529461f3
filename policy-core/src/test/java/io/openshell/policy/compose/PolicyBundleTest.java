package io.openshell.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.format.PolicyBundle.Names;
import io.openshell.policy.format.PolicyBundle.Problem;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyMetadata;
import io.openshell.policy.format.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyBundleTest {
  private static final String YAML = "version: 1\n";
  private static final String HASH = PolicyHash.of(YAML);

  private static EffectivePolicy effective(
      PolicySource source, boolean v2, List<Layer> layers, String revision) {
    return new EffectivePolicy(
        PolicyYaml.read(YAML).orElseThrow(), source, v2, layers, YAML, HASH, revision, List.of());
  }

  private static final EffectivePolicy WITH_LAYERS =
      effective(
          PolicySource.SANDBOX,
          true,
          List.of(
              new Layer("work-github", "github", "github", 0, "_provider_work_github"),
              new Layer("notes", "custom", "my-notes", 4, "")),
          "rev-7");

  private static String golden(String name) throws IOException {
    try (InputStream in = PolicyBundleTest.class.getResourceAsStream("/bundle/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("sha256:0123", HASH); // the goldens were written for a placeholder hash
    }
  }

  @Test
  void metadataJsonKeepsTheByteFormatTheAgentAndPluginRead() throws IOException {
    assertThat(WITH_LAYERS.bundle(3, 2).toData().get(Names.METADATA_KEY))
        .isEqualTo(golden("metadata-sandbox-with-layers.json"));
    assertThat(
            effective(PolicySource.GLOBAL, false, List.of(), "")
                .bundle(1, 0)
                .toData()
                .get(Names.METADATA_KEY))
        .isEqualTo(golden("metadata-global-without-layers.json"));
  }

  @Test
  void dataAndAnnotationsReadBackToTheSameBundle() {
    PolicyBundle bundle = WITH_LAYERS.bundle(3, 2);

    PolicyBundle.Read read = PolicyBundle.fromData(bundle.toData(), bundle.annotations());

    assertThat(read).isEqualTo(new PolicyBundle.Read.Ok(bundle));
    assertThat(bundle.toData()).containsOnlyKeys(Names.POLICY_KEY, Names.METADATA_KEY);
    assertThat(bundle.annotations()).containsExactly(Map.entry(Names.POLICY_HASH_ANNOTATION, HASH));
  }

  @Test
  void configMapNameIsThePrefixAndTheSandboxName() {
    assertThat(Names.configMapName("demo")).isEqualTo("openshell-policy-demo");
  }

  @Test
  void aMissingKeyOrAnnotationIsNamed() {
    PolicyBundle bundle = WITH_LAYERS.bundle(3, 2);
    for (String key : List.of(Names.POLICY_KEY, Names.METADATA_KEY)) {
      Map<String, String> data = new HashMap<>(bundle.toData());
      data.remove(key);
      assertThat(PolicyBundle.fromData(data, bundle.annotations()))
          .isEqualTo(
              new PolicyBundle.Read.Refused(
                  Problem.MISSING_KEY, "data[\"" + key + "\"] is missing"));
    }
    assertThat(PolicyBundle.fromData(bundle.toData(), null))
        .isEqualTo(
            new PolicyBundle.Read.Refused(
                Problem.MISSING_KEY, "annotation openshell.io/policy-hash is missing"));
  }

  @Test
  void aPolicyThatDoesNotHashToTheAnnotationOrTheMetadataIsRefused() {
    PolicyBundle bundle = WITH_LAYERS.bundle(3, 2);
    Map<String, String> edited = new HashMap<>(bundle.toData());
    edited.put(Names.POLICY_KEY, "version: 2\n");

    assertThat(PolicyBundle.fromData(edited, bundle.annotations()))
        .isInstanceOfSatisfying(
            PolicyBundle.Read.Refused.class,
            r -> assertThat(r.problem()).isEqualTo(Problem.HASH_MISMATCH));
    assertThat(
            PolicyBundle.fromData(
                edited, Map.of(Names.POLICY_HASH_ANNOTATION, PolicyHash.of("version: 2\n"))))
        .isInstanceOfSatisfying(
            PolicyBundle.Read.Refused.class,
            r ->
                assertThat(r.detail())
                    .isEqualTo(
                        "policy.yaml hashes to "
                            + PolicyHash.of("version: 2\n")
                            + " but metadata.json policyHash says "
                            + HASH));
  }

  @Test
  void metadataThatIsNotAnObjectWithAStringHashIsRefusedWithoutQuotingIt() {
    for (var bad :
        Map.of(
                "{\"secret-ish\": ",
                "metadata.json is not valid JSON (line 1, column 16)",
                "[1]",
                "metadata.json is not a JSON object",
                "{\"policyHash\": 7}",
                "metadata.json has no string policyHash")
            .entrySet()) {
      Map<String, String> data = Map.of(Names.POLICY_KEY, YAML, Names.METADATA_KEY, bad.getKey());
      assertThat(PolicyBundle.fromData(data, Map.of(Names.POLICY_HASH_ANNOTATION, HASH)))
          .isEqualTo(new PolicyBundle.Read.Refused(Problem.INVALID_METADATA, bad.getValue()));
    }
  }

  @Test
  void absentMetadataFieldsReadAsEmptyMinusOneFalseAndNoLayers() {
    Map<String, String> data =
        Map.of(Names.POLICY_KEY, YAML, Names.METADATA_KEY, "{\"policyHash\":\"" + HASH + "\"}");

    PolicyBundle.Read read =
        PolicyBundle.fromData(data, Map.of(Names.POLICY_HASH_ANNOTATION, HASH));

    assertThat(read)
        .isEqualTo(
            new PolicyBundle.Read.Ok(
                new PolicyBundle(
                    YAML, new PolicyMetadata(HASH, "", "", false, -1, -1, List.of()))));
  }
}
