package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyVerifierTest {
  private final PolicyVerifier verifier = new PolicyVerifier();
  private final String policy = Fixtures.policy(1);

  private Verdict.Invalid refused(Map<String, String> data, Map<String, String> annotations) {
    Verdict verdict = verifier.verify(data, annotations);
    assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
    return (Verdict.Invalid) verdict;
  }

  @Test
  void theHashIsSha256OfTheUtf8BytesInLowercaseHex() {
    assertThat(PolicyVerifier.hashOf("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(PolicyVerifier.hashOf("\u00e9"))
        .isEqualTo("sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }

  @Test
  void aConfigMapWhoseHashesMatchIsAccepted() {
    Verdict verdict = verifier.verify(Fixtures.data(policy, 4), Fixtures.annotations(policy));
    assertThat(verdict).isInstanceOf(Verdict.Valid.class);
    PolicyVersion version = ((Verdict.Valid) verdict).version();
    assertThat(version.policyYaml()).isEqualTo(policy);
    assertThat(version.policyHash()).isEqualTo(PolicyVerifier.hashOf(policy));
    assertThat(version.policySource()).isEqualTo("Sandbox");
    assertThat(version.sandboxGeneration()).isEqualTo(4);
    assertThat(version.settingsGeneration()).isEqualTo(3);
    assertThat(version.providerEnvRevision()).isEqualTo("rev-4");
  }

  @Test
  void anAnnotationThatDisagreesWithThePolicyBytesIsRefused() {
    Verdict.Invalid invalid =
        refused(Fixtures.data(policy, 1), Fixtures.annotations(Fixtures.policy(2)));
    assertThat(invalid.reason()).isEqualTo(RejectReason.HASH_MISMATCH);
    assertThat(invalid.detail()).contains("annotation openshell.io/policy-hash");
  }

  @Test
  void aMetadataPolicyHashThatDisagreesWithThePolicyBytesIsRefused() {
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.put("metadata.json", Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(2)), 1));
    Verdict.Invalid invalid = refused(data, Fixtures.annotations(policy));
    assertThat(invalid.reason()).isEqualTo(RejectReason.HASH_MISMATCH);
    assertThat(invalid.detail()).contains("metadata.json policyHash");
  }

  @Test
  void aMissingPolicyKeyIsRefused() {
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.remove("policy.yaml");
    assertThat(refused(data, Fixtures.annotations(policy)).reason())
        .isEqualTo(RejectReason.MISSING_KEY);
  }

  @Test
  void aMissingMetadataKeyIsRefused() {
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.remove("metadata.json");
    assertThat(refused(data, Fixtures.annotations(policy)).reason())
        .isEqualTo(RejectReason.MISSING_KEY);
  }

  @Test
  void aMissingHashAnnotationIsRefused() {
    assertThat(refused(Fixtures.data(policy, 1), Map.of()).reason())
        .isEqualTo(RejectReason.MISSING_KEY);
  }

  @Test
  void metadataThatIsNotJsonIsRefused() {
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.put("metadata.json", "{not json");
    assertThat(refused(data, Fixtures.annotations(policy)).reason())
        .isEqualTo(RejectReason.INVALID_METADATA);
  }

  @Test
  void metadataWithoutPolicyHashIsRefused() {
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.put("metadata.json", "{\"policySource\":\"Sandbox\"}");
    assertThat(refused(data, Fixtures.annotations(policy)).reason())
        .isEqualTo(RejectReason.INVALID_METADATA);
  }

  @Test
  void aPolicyThatIsNotYamlIsRefusedEvenWithMatchingHashes() {
    String broken = "version: 1\nnetwork_policies: [unclosed\n";
    Verdict.Invalid invalid = refused(Fixtures.data(broken, 1), Fixtures.annotations(broken));
    assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_POLICY);
  }

  @Test
  void aPolicyWithoutVersionIsRefused() {
    String noVersion = "network_policies: {}\n";
    assertThat(refused(Fixtures.data(noVersion, 1), Fixtures.annotations(noVersion)).reason())
        .isEqualTo(RejectReason.INVALID_POLICY);
  }

  @Test
  void aPolicyThatIsAYamlListIsRefused() {
    String list = "- version: 1\n";
    assertThat(refused(Fixtures.data(list, 1), Fixtures.annotations(list)).reason())
        .isEqualTo(RejectReason.INVALID_POLICY);
  }

  @Test
  void rejectionDetailsNeverQuoteTheContent() {
    String secretish = "version: 1\nnetwork_policies: [tok_SENTINEL_VALUE\n";
    Verdict.Invalid invalid = refused(Fixtures.data(secretish, 1), Fixtures.annotations(secretish));
    assertThat(invalid.detail()).doesNotContain("SENTINEL").contains("line");
    Map<String, String> data = new HashMap<>(Fixtures.data(policy, 1));
    data.put("metadata.json", "{\"policyHash\": SENTINEL_META");
    assertThat(refused(data, Fixtures.annotations(policy)).detail()).doesNotContain("SENTINEL");
  }

  @Test
  void aPolicyWithAnUnknownFieldIsRefusedByTheStrictReader() {
    String unknown = Fixtures.policy(1) + "bogus: true\n";
    Verdict.Invalid invalid = refused(Fixtures.data(unknown, 1), Fixtures.annotations(unknown));
    assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_POLICY);
    assertThat(invalid.detail()).contains("unknown field 'bogus'");
  }

  @Test
  void readerMessagesHaveTheirQuotedValuesBlanked() {
    String wrongType = "version: \"SENTINEL\"\n";
    Verdict.Invalid invalid = refused(Fixtures.data(wrongType, 1), Fixtures.annotations(wrongType));
    assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_POLICY);
    assertThat(invalid.detail()).contains("version").doesNotContain("SENTINEL");
  }
}
