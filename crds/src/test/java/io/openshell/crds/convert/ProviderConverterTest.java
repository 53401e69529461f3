package io.openshell.crds.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderSpec;
import io.openshell.crds.v1alpha1.SecretReference;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConverterTest {

  @Test
  void recordCarriesNameTypeAndSecretKeyNames() {
    ProviderRecord r =
        ProviderConverter.toRecord(provider(), List.of("GH_TOKEN", "GITHUB_TOKEN"), "41").value();
    assertThat(r.name()).isEqualTo("work-github");
    assertThat(r.type()).isEqualTo("gh");
    assertThat(r.credentialKeys()).containsExactly("GH_TOKEN", "GITHUB_TOKEN");
    assertThat(r.runtimeCredentials()).isFalse();
  }

  @Test
  void configKeysAreSortedNamesWithoutValues() {
    Provider p = provider();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("Z_HOST", "z");
    config.put("A_HOST", "a");
    p.getSpec().setConfig(config);
    assertThat(ProviderConverter.toRecord(p, List.of(), "").value().configKeys())
        .containsExactly("A_HOST", "Z_HOST");
  }

  @Test
  void revisionChangesWithTheProviderSpecOrItsSecret() {
    Provider p = provider();
    p.getMetadata().setUid("u-1");
    p.getMetadata().setGeneration(3L);
    String first = ProviderConverter.toRecord(p, List.of(), "41").value().revision();
    String secretChanged = ProviderConverter.toRecord(p, List.of(), "42").value().revision();
    p.getMetadata().setGeneration(4L);
    String providerChanged = ProviderConverter.toRecord(p, List.of(), "41").value().revision();
    assertThat(first).isEqualTo("u-1:3/41");
    assertThat(secretChanged).isNotEqualTo(first);
    assertThat(providerChanged).isNotEqualTo(first);
  }

  @Test
  void revisionIgnoresTheProvidersOwnStatusWrites() {
    Provider p = provider();
    p.getMetadata().setGeneration(3L);
    String before = ProviderConverter.toRecord(p, List.of(), "41").value().revision();
    p.getMetadata().setResourceVersion("99");

    assertThat(ProviderConverter.toRecord(p, List.of(), "41").value().revision()).isEqualTo(before);
  }

  @Test
  void expiryTimesAreReadAsRfc3339WithOffsets() {
    Provider p = provider();
    p.getSpec().setCredentialExpiresAt(Map.of("GH_TOKEN", "2027-01-01T02:00:00+02:00"));
    assertThat(ProviderConverter.toRecord(p, List.of(), "").value().credentialExpiresAt())
        .containsExactly(Map.entry("GH_TOKEN", Instant.parse("2027-01-01T00:00:00Z")));
  }

  @Test
  void anUnparsableExpiryIsAnError() {
    Provider p = provider();
    p.getSpec().setCredentialExpiresAt(Map.of("GH_TOKEN", "next tuesday"));
    var record = ProviderConverter.toRecord(p, List.of(), "");
    assertThat(record.hasErrors()).isTrue();
    assertThat(record.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.PARSE_ERROR);
              assertThat(v.field()).isEqualTo("credentialExpiresAt.GH_TOKEN");
            });
  }

  @Test
  void runtimeCredentialsFlagIsCarried() {
    Provider p = provider();
    p.getSpec().setCredentialsSecretRef(null);
    p.getSpec().setRuntimeCredentials(true);
    assertThat(ProviderConverter.toRecord(p, List.of(), "").value().runtimeCredentials()).isTrue();
  }

  private static Provider provider() {
    Provider p = new Provider();
    ObjectMeta meta = new ObjectMeta();
    meta.setName("work-github");
    meta.setNamespace("team-a");
    meta.setResourceVersion("7");
    p.setMetadata(meta);
    ProviderSpec spec = new ProviderSpec();
    spec.setType("gh");
    spec.setCredentialsSecretRef(new SecretReference("work-github-credentials"));
    p.setSpec(spec);
    return p;
  }
}
