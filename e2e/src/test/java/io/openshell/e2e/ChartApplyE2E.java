package io.openshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;

/** The chart, rendered with default values, applies cleanly with real kubectl. */
class ChartApplyE2E {

  @Test
  void chartRenderedWithDefaultValuesAppliesWithKubectl() {
    E2eCluster cluster = E2eCluster.get();
    E2eSupport.namespace(cluster, "openshell-system");
    String rendered =
        new Helm(Repo.root().resolve("helm/openshell-operator"))
            .template()
            .withName("openshell-operator")
            .withNamespace("openshell-system")
            .withKubeVersion("1.32.0")
            .call();

    CommandResult apply =
        cluster.kubectl(rendered, "apply", "--validate=false", "-n", "openshell-system", "-f", "-");

    assertThat(apply.ok()).as(apply.toString()).isTrue();
    assertThat(apply.stdout())
        .contains("deployment.apps/openshell-operator")
        .contains("clusterrole.rbac.authorization.k8s.io/openshell-operator")
        .contains("validatingwebhookconfiguration.admissionregistration.k8s.io/openshell-operator")
        .contains("validatingadmissionpolicy.admissionregistration.k8s.io/");
    CommandResult deployment =
        cluster.kubectl(
            null,
            "get",
            "deployment",
            "openshell-operator",
            "-n",
            "openshell-system",
            "-o",
            "jsonpath={.spec.template.spec.containers[0].name}");
    assertThat(deployment.stdout()).isEqualTo("operator");
  }
}
