package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.hasCondition;
import static io.openshell.operator.it.OperatorHarness.policyYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.format.PolicyHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeds' lifecycle: baseline, attach, layer, detach back to the identical baseline. */
class SandboxLifecycleIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
    h.apply(
        null,
        """
        apiVersion: openshell.io/v1alpha1
        kind: OpenShellSettings
        metadata:
          name: cluster
        spec:
          providersV2Enabled: true
        """);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static ConfigMap baseline(String ns, String sandbox) {
    return h.awaitConfigMap(ns, sandbox, cm -> policyYaml(cm).contains("custom_pypi"));
  }

  @Test
  void sandboxWithoutProvidersGetsItsBasePolicyInTheConfigMap() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("demo"));

    ConfigMap cm = baseline(ns, "demo");

    assertThat(policyYaml(cm)).contains("custom_pypi").doesNotContain("_provider_");
    assertThat(cm.getMetadata().getAnnotations())
        .containsEntry(PolicyBundle.Names.POLICY_HASH_ANNOTATION, PolicyHash.of(policyYaml(cm)));
    assertThat(cm.getMetadata().getLabels())
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .containsEntry(Labels.SANDBOX, "demo");
    assertThat(cm.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("Sandbox");
              assertThat(o.getController()).isTrue();
            });
  }

  @Test
  void aPolicyConfigMapThatLostItsManagedByLabelIsAdoptedAndUpdated() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("adopt"));
    h.awaitConfigMap(ns, "adopt", cm -> true);

    h.client
        .configMaps()
        .inNamespace(ns)
        .withName("openshell-policy-adopt")
        .edit(
            cm -> {
              cm.getMetadata().getLabels().remove(Labels.MANAGED_BY);
              return cm;
            });
    h.mergePatchSandbox(
        ns,
        "adopt",
        "{\"spec\":{\"policy\":{\"networkPolicies\":{\"added\":{\"name\":\"added\","
            + "\"endpoints\":[{\"host\":\"adopted.example.com\",\"port\":443}]}}}}}");

    ConfigMap cm =
        h.awaitConfigMap(
            ns,
            "adopt",
            c ->
                Labels.MANAGED_BY_VALUE.equals(c.getMetadata().getLabels().get(Labels.MANAGED_BY))
                    && policyYaml(c).contains("adopted.example.com"));
    assertThat(cm.getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void composedSandboxReportsReadyWithTheConfigMapHash() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("demo"));
    ConfigMap cm = baseline(ns, "demo");

    Sandbox s =
        h.awaitSandbox(
            ns, "demo", x -> hasCondition(x.getStatus(), Conditions.READY, "True", "Composed"));

    assertThat(s.getStatus().getEffectivePolicy().getHash())
        .isEqualTo(
            cm.getMetadata().getAnnotations().get(PolicyBundle.Names.POLICY_HASH_ANNOTATION));
    assertThat(s.getStatus().getEffectivePolicy().getConfigMapName())
        .isEqualTo("openshell-policy-demo");
    assertThat(s.getStatus().getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void attachingABuiltinTypeProviderAddsItsLayer() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("gh-creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("work-github", "github", "gh-creds"));
    h.apply(ns, Fixtures.sandbox("demo"));
    baseline(ns, "demo");

    h.setProviders(ns, "demo", "work-github");

    ConfigMap cm =
        h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_work_github:"));
    assertThat(policyYaml(cm)).contains("host: api.github.com").contains("custom_pypi");
    assertThat(cm.getData().get("metadata.json"))
        .contains("\"ruleKey\" : \"_provider_work_github\"")
        .doesNotContain("not-a-real-token");
  }

  @Test
  void detachingABuiltinTypeProviderRestoresTheBasePolicyByteForByte() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("gh-creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("work-github", "github", "gh-creds"));
    h.apply(ns, Fixtures.sandbox("demo"));
    String base = policyYaml(baseline(ns, "demo"));
    h.setProviders(ns, "demo", "work-github");
    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_work_github:"));

    h.setProviders(ns, "demo");

    ConfigMap cm = h.awaitConfigMap(ns, "demo", c -> !policyYaml(c).contains("_provider_"));
    assertThat(policyYaml(cm)).isEqualTo(base);
  }

  @Test
  void customProfileLifecycleAddsAndRemovesItsLayer() {
    String ns = OperatorHarness.namespace();
    String profile = "custom-" + ns;
    h.apply(null, Fixtures.restProfile(profile, "CUSTOM_TOKEN", "api.custom.example.com"));
    h.apply(ns, Fixtures.secret("custom-creds", "CUSTOM_TOKEN"));
    h.apply(ns, Fixtures.provider("my-api", profile, "custom-creds"));
    h.apply(ns, Fixtures.sandbox("demo"));
    String base = policyYaml(baseline(ns, "demo"));

    h.setProviders(ns, "demo", "my-api");
    ConfigMap attached =
        h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_my_api:"));
    assertThat(policyYaml(attached)).contains("host: api.custom.example.com");

    h.setProviders(ns, "demo");
    ConfigMap detached = h.awaitConfigMap(ns, "demo", c -> !policyYaml(c).contains("_provider_"));
    assertThat(policyYaml(detached)).isEqualTo(base);
  }

  @Test
  void profileUpdateRecomposesTheSandboxesThatUseIt() {
    String ns = OperatorHarness.namespace();
    String profile = "upd-" + ns;
    h.apply(null, Fixtures.restProfile(profile, "UPD_TOKEN", "old.example.com"));
    h.apply(ns, Fixtures.secret("creds", "UPD_TOKEN"));
    h.apply(ns, Fixtures.provider("api", profile, "creds"));
    h.apply(ns, Fixtures.sandbox("user", "api"));
    h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("old.example.com"));

    editProfileHost(profile, "new.example.com");

    ConfigMap cm = h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("new.example.com"));
    assertThat(policyYaml(cm)).doesNotContain("old.example.com");
  }

  @Test
  void profileUpdateWritesNothingForSandboxesThatDoNotUseIt() {
    String ns = OperatorHarness.namespace();
    String profile = "iso-" + ns;
    h.apply(null, Fixtures.restProfile(profile, "ISO_TOKEN", "old.example.com"));
    h.apply(ns, Fixtures.secret("creds", "ISO_TOKEN"));
    h.apply(ns, Fixtures.provider("api", profile, "creds"));
    h.apply(ns, Fixtures.sandbox("user", "api"));
    h.apply(ns, Fixtures.sandbox("bystander"));
    h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("old.example.com"));
    String bystanderVersion = baseline(ns, "bystander").getMetadata().getResourceVersion();
    String sandboxVersion = h.sandbox(ns, "bystander").getMetadata().getResourceVersion();

    editProfileHost(profile, "new.example.com");
    h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("new.example.com"));

    assertThat(h.policyConfigMap(ns, "bystander").orElseThrow().getMetadata().getResourceVersion())
        .isEqualTo(bystanderVersion);
    assertThat(h.sandbox(ns, "bystander").getMetadata().getResourceVersion())
        .isEqualTo(sandboxVersion);
  }

  @Test
  void profileUpdateLeavesProviderAndSandboxSpecsUntouched() {
    String ns = OperatorHarness.namespace();
    String profile = "keep-" + ns;
    h.apply(null, Fixtures.restProfile(profile, "KEEP_TOKEN", "old.example.com"));
    h.apply(ns, Fixtures.secret("creds", "KEEP_TOKEN"));
    h.apply(ns, Fixtures.provider("api", profile, "creds"));
    h.apply(ns, Fixtures.sandbox("user", "api"));
    h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("old.example.com"));
    long sandboxGeneration = h.sandbox(ns, "user").getMetadata().getGeneration();
    var providerSpec = OperatorHarness.yaml(h.provider(ns, "api").getSpec());
    long providerGeneration = h.provider(ns, "api").getMetadata().getGeneration();

    editProfileHost(profile, "new.example.com");
    h.awaitConfigMap(ns, "user", c -> policyYaml(c).contains("new.example.com"));

    assertThat(h.sandbox(ns, "user").getMetadata().getGeneration()).isEqualTo(sandboxGeneration);
    assertThat(h.provider(ns, "api").getMetadata().getGeneration()).isEqualTo(providerGeneration);
    assertThat(OperatorHarness.yaml(h.provider(ns, "api").getSpec())).isEqualTo(providerSpec);
  }

  @Test
  void secretKeyChangeChangesTheProviderEnvRevision() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("gh-creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("work-github", "github", "gh-creds"));
    h.apply(ns, Fixtures.sandbox("demo", "work-github"));
    Sandbox before =
        h.awaitSandbox(ns, "demo", s -> hasCondition(s.getStatus(), "Ready", "True", "Composed"));
    String revision = before.getStatus().getEffectivePolicy().getProviderEnvRevision();

    h.client
        .secrets()
        .inNamespace(ns)
        .withName("gh-creds")
        .edit(
            s -> {
              s.getStringData().put("GH_TOKEN", "not-a-real-token");
              return s;
            });

    Sandbox after =
        h.awaitSandbox(
            ns,
            "demo",
            s -> !revision.equals(s.getStatus().getEffectivePolicy().getProviderEnvRevision()));
    assertThat(after.getStatus().getEffectivePolicy().getProviderEnvRevision())
        .isNotEqualTo(revision);
  }

  @Test
  void statusWritesDoNotBumpTheGeneration() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("demo"));

    Sandbox s =
        h.awaitSandbox(ns, "demo", x -> hasCondition(x.getStatus(), "Ready", "True", "Composed"));

    assertThat(s.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void writeWithAStaleResourceVersionIsRefusedWithConflict() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.sandbox("demo"));
    Sandbox stale = h.sandbox(ns, "demo");
    h.setProviders(ns, "demo", "someone-else");

    stale.getSpec().setProviders(java.util.List.of("mine"));
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.fabric8.kubernetes.client.KubernetesClientException.class,
            () -> h.client.resource(stale).update());

    assertThat(error.getCode()).isEqualTo(409);
  }

  private static void editProfileHost(String profile, String host) {
    h.client
        .resources(ProviderProfile.class)
        .withName(profile)
        .edit(
            p -> {
              p.getSpec().getEndpoints().get(0).setHost(host);
              return p;
            });
  }
}
