package io.openshell.e2e;

import static io.openshell.e2e.E2eSupport.applyExamples;
import static io.openshell.e2e.E2eSupport.applyOk;
import static io.openshell.e2e.E2eSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In-use deletes are refused, and bad input changes nothing that is enforced. */
class ProtectionAndRejectionE2E {
  private static final String NS = "e2e-protect";
  private static E2eCluster cluster;

  @BeforeAll
  static void setUp() {
    cluster = E2eCluster.get();
    E2eSupport.namespace(cluster, NS);
    applyExamples(cluster, NS);
    applyOk(cluster, NS, E2eSupport.sandbox("guarded", "work-github"));
    eventually("the guarded sandbox is composed").until(() -> !configMapHash("guarded").isEmpty());
  }

  @Test
  void pluginRefusesToDeleteAProfileInUseNamingTheSandbox() {
    applyOk(
        cluster,
        NS,
        """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: e2e-guarded-api
        spec:
          displayName: Guarded API
          endpoints:
            - {host: guarded.example.com, port: 443, protocol: rest, access: read-only}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: guarded-credentials
          labels: {openshell.io/provider-credentials: "true"}
        stringData: {GUARDED_TOKEN: replace-me}
        ---
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata:
          name: guarded-api
        spec:
          type: e2e-guarded-api
          credentialsSecretRef: {name: guarded-credentials}
        """);
    CommandResult attach = cluster.plugin("attach", "guarded", "guarded-api", "-n", NS);
    assertThat(attach.ok()).as(attach.toString()).isTrue();

    CommandResult delete = cluster.plugin("profile", "delete", "e2e-guarded-api");

    assertThat(delete.exitCode()).as(delete.toString()).isEqualTo(1);
    assertThat(delete.stdout() + delete.stderr())
        .contains("provider profile 'e2e-guarded-api' is in use by sandboxes: " + NS + "/guarded");
  }

  @Test
  void deletingAnAttachedProviderWithKubectlIsHeldByTheFinalizerUntilDetached() {
    applyOk(
        cluster,
        NS,
        """
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata:
          name: held-github
        spec:
          type: github
          credentialsSecretRef: {name: github-credentials}
        """);
    applyOk(cluster, NS, E2eSupport.sandbox("holder", "held-github"));
    eventually("the provider records its attachment")
        .until(
            () ->
                cluster
                    .kubectl(
                        null,
                        "get",
                        "provider",
                        "held-github",
                        "-n",
                        NS,
                        "-o",
                        "jsonpath={.status.attachedCount}")
                    .stdout()
                    .equals("1"));

    CommandResult delete =
        cluster.kubectl(null, "delete", "provider", "held-github", "-n", NS, "--wait=false");
    assertThat(delete.ok()).as(delete.toString()).isTrue();
    eventually("the provider reports why it is still there")
        .until(
            () ->
                cluster
                    .kubectl(
                        null,
                        "get",
                        "provider",
                        "held-github",
                        "-n",
                        NS,
                        "-o",
                        "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}")
                    .stdout()
                    .contains("provider 'held-github' is attached to sandbox(es): holder"));

    CommandResult detach = cluster.plugin("detach", "holder", "held-github", "-n", NS);
    assertThat(detach.ok()).as(detach.toString()).isTrue();
    eventually("the delete completes once detached")
        .until(() -> !cluster.kubectl(null, "get", "provider", "held-github", "-n", NS).ok());
  }

  @Test
  void attachingAProviderWithADuplicateEnvKeyIsRefusedAndNothingChanges() {
    applyOk(
        cluster,
        NS,
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: second-github
          labels: {openshell.io/provider-credentials: "true"}
        stringData: {GITHUB_TOKEN: other}
        ---
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata:
          name: second-github
        spec:
          type: gh
          credentialsSecretRef: {name: second-github}
        """);
    String before = configMapHash("guarded");

    CommandResult attach = cluster.plugin("attach", "guarded", "second-github", "-n", NS);

    assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(1);
    assertThat(attach.stdout() + attach.stderr())
        .contains(
            "credential env key 'GITHUB_TOKEN' is provided by both provider 'work-github' and"
                + " provider 'second-github'");
    CommandResult providers =
        cluster.kubectl(
            null, "get", "ossbx", "guarded", "-n", NS, "-o", "jsonpath={.spec.providers}");
    assertThat(providers.stdout()).doesNotContain("second-github");
    assertThat(configMapHash("guarded")).isEqualTo(before);
  }

  @Test
  void aReservedKeyAppliedWithKubectlKeepsTheLastGoodPolicyAndSaysWhy() {
    String before = configMapHash("guarded");
    CommandResult patch =
        cluster.kubectl(
            null,
            "patch",
            "ossbx",
            "guarded",
            "-n",
            NS,
            "--type=merge",
            "-p",
            "{\"spec\":{\"policy\":{\"networkPolicies\":{\"_provider_sneaky\":{\"endpoints\":[{\"host\":\"evil.example.com\",\"port\":443}]}}}}}");

    if (!patch.ok()) {
      // A real cluster with the CRD's CEL rule (or the webhook) refuses it at apply time.
      assertThat(patch.stderr()).contains("_provider_");
      return;
    }
    eventually("the sandbox reports the reserved key")
        .until(
            () ->
                cluster
                    .kubectl(
                        null,
                        "get",
                        "ossbx",
                        "guarded",
                        "-n",
                        NS,
                        "-o",
                        "jsonpath={.status.conditions[?(@.type==\"PolicyComposed\")].reason}")
                    .stdout()
                    .equals("ReservedKeyPrefix"));
    assertThat(configMapHash("guarded")).isEqualTo(before);
    CommandResult revert =
        cluster.kubectl(
            null,
            "patch",
            "ossbx",
            "guarded",
            "-n",
            NS,
            "--type=merge",
            "-p",
            "{\"spec\":{\"policy\":{\"networkPolicies\":{\"_provider_sneaky\":null}}}}");
    assertThat(revert.ok()).as(revert.toString()).isTrue();
  }

  private static String configMapHash(String sandbox) {
    CommandResult r =
        cluster.kubectl(
            null,
            "get",
            "cm",
            "openshell-policy-" + sandbox,
            "-n",
            NS,
            "-o",
            "jsonpath={.metadata.annotations.openshell\\.io/policy-hash}");
    return r.ok() ? r.stdout() : "";
  }
}
