package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.policyYaml;
import static io.openshell.testsupport.StatusConditions.has;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.sandbox.pod.SandboxPodSpecs;
import io.openshell.policy.format.PolicyBundle;
import io.openshell.testsupport.Manifests;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional sandbox pod (sidecar, RBAC, applied hash) and operator restarts. */
class PodAndRestartIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String podSandbox(String name) {
    return Manifests.sandbox(name)
        + """
          podTemplate:
            spec:
              containers:
                - name: agent
                  image: example.test/agent:1
        """;
  }

  private static Pod awaitPod(String ns, String name) {
    return await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(() -> h.client.pods().inNamespace(ns).withName(name).get(), p -> p != null);
  }

  @Test
  void podTemplateRunsOnePodWithThePolicyAgentSidecar() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, podSandbox("demo"));

    Pod pod = awaitPod(ns, "demo");

    assertThat(pod.getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("agent", SandboxPodSpecs.AGENT_CONTAINER);
    Container agent = pod.getSpec().getContainers().get(1);
    assertThat(agent.getImage()).isEqualTo("example.test/policy-agent:it");
    assertThat(agent.getEnv())
        .extracting("name")
        .contains(
            "OPENSHELL_NAMESPACE",
            "OPENSHELL_SANDBOX",
            "OPENSHELL_POLICY_CONFIGMAP",
            "POD_NAME",
            "OPENSHELL_POLICY_DIR");
    // the harness configures the operator with OPENSHELL_AGENT_LOG_FORMAT=text, ..._LEVEL=DEBUG
    assertThat(agent.getEnv())
        .filteredOn(e -> e.getName().startsWith("OPENSHELL_LOG_"))
        .extracting("name", "value")
        .containsExactly(
            tuple("OPENSHELL_LOG_FORMAT", "text"), tuple("OPENSHELL_LOG_LEVEL", "DEBUG"));
  }

  @Test
  void onlyThePolicyAgentGetsAnApiToken() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, podSandbox("demo"));

    Pod pod = awaitPod(ns, "demo");

    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("openshell-sandbox-demo");
    Container workload = pod.getSpec().getContainers().get(0);
    Container agent = pod.getSpec().getContainers().get(1);
    assertThat(workload.getVolumeMounts())
        .noneMatch(m -> m.getMountPath().startsWith("/var/run/secrets"));
    assertThat(agent.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/var/run/secrets/kubernetes.io/serviceaccount"));
  }

  @Test
  void policyAgentRoleCoversOnlyItsConfigMapAndPod() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, podSandbox("demo"));

    Role role =
        await()
            .atMost(OperatorHarness.TIMEOUT)
            .until(
                () ->
                    h.client
                        .rbac()
                        .roles()
                        .inNamespace(ns)
                        .withName("openshell-sandbox-demo")
                        .get(),
                r -> r != null);

    assertThat(role.getRules()).hasSize(2);
    assertThat(role.getRules().get(0).getResourceNames()).containsExactly("openshell-policy-demo");
    assertThat(role.getRules().get(0).getVerbs()).containsExactly("get", "list", "watch");
    assertThat(role.getRules().get(1).getResourceNames()).containsExactly("demo");
    assertThat(role.getRules().get(1).getVerbs()).containsExactly("get", "patch");
    assertThat(
            h.client.rbac().roleBindings().inNamespace(ns).withName("openshell-sandbox-demo").get())
        .isNotNull();
  }

  @Test
  void reportedAppliedHashMakesThePolicyApplied() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, podSandbox("demo"));
    Sandbox pending =
        h.awaitSandbox(
            ns,
            "demo",
            s -> has(s.getStatus(), Conditions.POLICY_APPLIED, "False", Conditions.REASON_PENDING));
    String hash = pending.getStatus().getEffectivePolicy().getHash();
    awaitPod(ns, "demo");

    h.client
        .pods()
        .inNamespace(ns)
        .withName("demo")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + PolicyBundle.Names.APPLIED_POLICY_HASH_ANNOTATION
                + "\":\""
                + hash
                + "\"}}}");

    Sandbox applied =
        h.awaitSandbox(ns, "demo", s -> has(s.getStatus(), Conditions.READY, "True", "Applied"));
    assertThat(applied.getStatus().getAppliedPolicyHash()).isEqualTo(hash);
  }

  @Test
  void sandboxWithoutPodTemplateReportsNoPod() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Manifests.sandbox("demo"));

    h.awaitSandbox(
        ns,
        "demo",
        s -> has(s.getStatus(), Conditions.POLICY_APPLIED, "False", Conditions.REASON_NO_POD));

    assertThat(h.client.pods().inNamespace(ns).withName("demo").get()).isNull();
  }

  @Test
  void operatorRestartConvergesWithoutWrites() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Manifests.secret("creds", "GITHUB_TOKEN"));
    h.apply(ns, Manifests.provider("gh", "github", "creds"));
    h.apply(ns, Manifests.sandbox("demo", "gh"));
    h.apply(ns, Manifests.sandbox("other"));
    h.awaitSandbox(ns, "demo", s -> has(s.getStatus(), "Ready", "True", "ProvidersV2Disabled"));
    h.awaitSandbox(ns, "other", s -> has(s.getStatus(), "Ready", "True", "ProvidersV2Disabled"));
    await().atMost(OperatorHarness.TIMEOUT).until(() -> h.provider(ns, "gh").getStatus() != null);
    Map<String, String> before = versions(ns);

    h.stopOperator();
    h.startOperator();
    // The new operator has reconciled every sandbox once its counter covers all of them.
    await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(
            () ->
                h
                    .operator()
                    .registry()
                    .find("openshell.reconciles")
                    .tag("kind", "sandbox")
                    .counters()
                    .stream()
                    .mapToDouble(c -> c.count())
                    .sum(),
            n -> n >= h.client.resources(Sandbox.class).inAnyNamespace().list().getItems().size());

    assertThat(versions(ns)).isEqualTo(before);
    assertThat(policyYaml(h.policyConfigMap(ns, "demo").orElseThrow())).contains("custom_pypi");
  }

  private static Map<String, String> versions(String ns) {
    Map<String, String> v = new HashMap<>();
    for (String s : new String[] {"demo", "other"}) {
      v.put("sandbox/" + s, h.sandbox(ns, s).getMetadata().getResourceVersion());
      v.put("cm/" + s, h.policyConfigMap(ns, s).orElseThrow().getMetadata().getResourceVersion());
    }
    v.put("provider/gh", h.provider(ns, "gh").getMetadata().getResourceVersion());
    return v;
  }
}
