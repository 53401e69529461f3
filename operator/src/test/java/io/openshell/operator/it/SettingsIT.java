package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.hasCondition;
import static io.openshell.operator.it.OperatorHarness.policyYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings are cluster-wide: every test gets its own API server and operator. */
class SettingsIT {
  private OperatorHarness h;
  private String ns;

  @BeforeEach
  void start() {
    h = OperatorHarness.start();
    ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("gh-creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "github", "gh-creds"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private void settings(String json) {
    if (h.client.resources(OpenShellSettings.class).withName("cluster").get() == null) {
      h.apply(
          null,
          """
          apiVersion: openshell.io/v1alpha1
          kind: OpenShellSettings
          metadata:
            name: cluster
          spec: {}
          """);
    }
    h.client
        .resources(OpenShellSettings.class)
        .withName("cluster")
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  @Test
  void withoutSettingsProviderLayersAreNotComposed() {
    h.apply(ns, Fixtures.sandbox("demo", "gh"));

    var s =
        h.awaitSandbox(
            ns,
            "demo",
            x ->
                hasCondition(
                    x.getStatus(),
                    Conditions.POLICY_COMPOSED,
                    "True",
                    Conditions.REASON_PROVIDERS_V2_DISABLED));

    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow()))
        .doesNotContain("_provider_");
    assertThat(s.getStatus().getEffectivePolicy().getProvidersV2Enabled()).isFalse();
  }

  @Test
  void turningProvidersV2OnAddsTheLayers() {
    h.apply(ns, Fixtures.sandbox("demo", "gh"));
    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("custom_pypi"));

    settings("{\"spec\":{\"providersV2Enabled\":true}}");

    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_gh:"));
  }

  @Test
  void globalPolicyReplacesTheSandboxPolicyAndSuppressesLayers() {
    settings("{\"spec\":{\"providersV2Enabled\":true}}");
    h.apply(ns, Fixtures.sandbox("demo", "gh"));
    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_gh:"));

    settings(
        """
        {"spec":{"globalPolicy":{"version":1,"networkPolicies":{"corp_proxy":
          {"endpoints":[{"host":"proxy.corp.example.com","port":3128}]}}}}}""");

    var cm = h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("corp_proxy"));
    assertThat(policyYaml(cm)).doesNotContain("_provider_").doesNotContain("custom_pypi");
    h.awaitSandbox(
        ns,
        "demo",
        x ->
            hasCondition(
                x.getStatus(),
                Conditions.POLICY_COMPOSED,
                "True",
                Conditions.REASON_GLOBAL_POLICY_ACTIVE));
  }

  @Test
  void deletingTheGlobalPolicyRestoresTheLayers() {
    settings(
        """
        {"spec":{"providersV2Enabled":true,"globalPolicy":{"version":1,"networkPolicies":
          {"corp_proxy":{"endpoints":[{"host":"proxy.corp.example.com","port":3128}]}}}}}""");
    h.apply(ns, Fixtures.sandbox("demo", "gh"));
    h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("corp_proxy"));

    settings("{\"spec\":{\"globalPolicy\":null}}");

    var cm = h.awaitConfigMap(ns, "demo", c -> policyYaml(c).contains("_provider_gh:"));
    assertThat(policyYaml(cm)).contains("custom_pypi").doesNotContain("corp_proxy");
  }

  @Test
  void settingsStatusReportsEverySandboxRecomposed() {
    h.apply(ns, Fixtures.sandbox("one", "gh"));
    h.apply(ns, Fixtures.sandbox("two"));
    settings("{\"spec\":{\"providersV2Enabled\":true}}");

    var settings =
        org.awaitility.Awaitility.await()
            .atMost(OperatorHarness.TIMEOUT)
            .until(
                () -> h.client.resources(OpenShellSettings.class).withName("cluster").get(),
                x ->
                    hasCondition(
                            x.getStatus(), Conditions.APPLIED, "True", Conditions.REASON_APPLIED)
                        && x.getStatus()
                            .getObservedGeneration()
                            .equals(x.getMetadata().getGeneration()));

    assertThat(settings.getStatus().getSandboxes()).isEqualTo(2);
    assertThat(settings.getStatus().getPendingSandboxes()).isZero();
  }

  @Test
  void aNoOpRestartDoesNotFlipTheSettingsToRecomposing() {
    settings("{\"spec\":{\"providersV2Enabled\":true}}");
    h.apply(ns, Fixtures.sandbox("one", "gh"));
    h.apply(ns, Fixtures.sandbox("two"));
    h.awaitConfigMap(ns, "one", cm -> true);
    h.awaitConfigMap(ns, "two", cm -> true);
    awaitApplied();
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (io.fabric8.kubernetes.client.Watch watch =
        h.client
            .resources(OpenShellSettings.class)
            .withName("cluster")
            .watch(
                new io.fabric8.kubernetes.client.Watcher<OpenShellSettings>() {
                  @Override
                  public void eventReceived(Action action, OpenShellSettings o) {
                    o.getStatus().getConditions().forEach(c -> seen.add(c.getReason()));
                  }

                  @Override
                  public void onClose(io.fabric8.kubernetes.client.WatcherException e) {}
                })) {
      assertThat(watch).isNotNull();
      h.stopOperator();
      h.startOperator();
      // A sandbox created after the restart is composed only once the controllers run again;
      // by then every existing sandbox has been listed and the settings reconciled.
      h.apply(ns, Fixtures.sandbox("three"));
      h.awaitConfigMap(ns, "three", cm -> true);
      awaitApplied();
    }

    assertThat(seen).doesNotContain(Conditions.REASON_RECOMPOSING);
  }

  private void awaitApplied() {
    await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(
            () -> h.client.resources(OpenShellSettings.class).withName("cluster").get(),
            st ->
                hasCondition(
                    st.getStatus(), Conditions.APPLIED, "True", Conditions.REASON_APPLIED));
  }
}
