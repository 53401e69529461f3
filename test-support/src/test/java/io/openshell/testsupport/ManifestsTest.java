package io.openshell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import org.junit.jupiter.api.Test;

class ManifestsTest {

  @Test
  void sandboxBindsWithTheBaseRuleAndTheProviders() {
    Sandbox sb = Serialization.unmarshal(Manifests.sandbox("s1", "a", "b"), Sandbox.class);
    assertThat(sb.getMetadata().getName()).isEqualTo("s1");
    assertThat(sb.getSpec().getProviders()).containsExactly("a", "b");
    assertThat(sb.getSpec().getPolicy().getNetworkPolicies()).containsOnlyKeys("custom_pypi");
    assertThat(sb.getSpec().getPodTemplate()).isNull();
  }

  @Test
  void sandboxBuilderAddsExtraRulesBinaryAndPodTemplate() {
    String yaml =
        Manifests.sandboxBuilder("s2")
            .binaries("/sandbox/.venv/bin/pip")
            .extraRules(
                "extra:\n  name: extra\n  endpoints:\n    - {host: x.example.com, port: 443}")
            .podTemplate("registry.example.com/agent:1")
            .providers("p")
            .yaml();
    Sandbox sb = Serialization.unmarshal(yaml, Sandbox.class);
    assertThat(sb.getSpec().getPolicy().getNetworkPolicies())
        .containsOnlyKeys("custom_pypi", "extra");
    assertThat(sb.getSpec().getPolicy().getNetworkPolicies().get("custom_pypi").getBinaries())
        .singleElement()
        .satisfies(b -> assertThat(b.getPath()).isEqualTo("/sandbox/.venv/bin/pip"));
    assertThat(sb.getSpec().getPodTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("registry.example.com/agent:1"));
    assertThat(sb.getSpec().getProviders()).containsExactly("p");
  }

  @Test
  void secretIsLabelledAsCredentialsWithOneEntryPerKey() {
    Secret s = Serialization.unmarshal(Manifests.secret("creds", "A", "B"), Secret.class);
    assertThat(s.getMetadata().getLabels()).containsEntry(Manifests.CREDENTIALS_LABEL, "true");
    assertThat(s.getStringData()).containsOnlyKeys("A", "B");
  }

  @Test
  void providersReferenceTheirSecretOrRuntimeCredentials() {
    Provider p =
        Serialization.unmarshal(Manifests.provider("p", "github", "creds"), Provider.class);
    assertThat(p.getSpec().getType()).isEqualTo("github");
    assertThat(p.getSpec().getCredentialsSecretRef().getName()).isEqualTo("creds");
    Provider r = Serialization.unmarshal(Manifests.runtimeProvider("r", "claude"), Provider.class);
    assertThat(r.getSpec().getRuntimeCredentials()).isTrue();
    assertThat(r.getSpec().getCredentialsSecretRef()).isNull();
  }

  @Test
  void profilesBindWithTheirIdAndEndpointHost() {
    ProviderProfile rest =
        Serialization.unmarshal(
            Manifests.restProfile("my-api", "MY_TOKEN", "api.example.com"), ProviderProfile.class);
    assertThat(rest.getMetadata().getName()).isEqualTo("my-api");
    assertThat(rest.getSpec().getEndpoints())
        .singleElement()
        .extracting("host")
        .isEqualTo("api.example.com");
    ProviderProfile grant =
        Serialization.unmarshal(
            Manifests.tokenGrantProfile("sts-api", "api.example.com"), ProviderProfile.class);
    assertThat(grant.getSpec().getCredentials())
        .singleElement()
        .satisfies(c -> assertThat(c.getEnvVars()).containsExactly("STS_API_TOKEN"));
  }

  @Test
  void settingsIsTheClusterSingleton() {
    OpenShellSettings s =
        Serialization.unmarshal(Manifests.settings(true), OpenShellSettings.class);
    assertThat(s.getMetadata().getName()).isEqualTo("cluster");
    assertThat(s.getSpec().getProvidersV2Enabled()).isTrue();
  }

  @Test
  void sandboxBuilderAddsPolicySectionsBeforeTheNetworkRules() {
    String yaml =
        Manifests.sandboxBuilder("s3")
            .policySections(
                "landlock:\n  compatibility: best_effort\nprocess:\n  runAsUser: sandbox")
            .binaries("/a", "/b")
            .yaml();
    Sandbox sb = Serialization.unmarshal(yaml, Sandbox.class);
    assertThat(sb.getSpec().getPolicy().getLandlock().getCompatibility()).isEqualTo("best_effort");
    assertThat(sb.getSpec().getPolicy().getProcess().getRunAsUser()).isEqualTo("sandbox");
    assertThat(sb.getSpec().getPolicy().getNetworkPolicies().get("custom_pypi").getBinaries())
        .extracting("path")
        .containsExactly("/a", "/b");
    assertThat(sb.getSpec().getProviders()).isEmpty();
  }
}
