package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;

/** The per-sandbox service account; its token is mounted only into the policy-agent sidecar. */
public class AgentServiceAccountDependent extends OwnedDependent<ServiceAccount> {
  public AgentServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  String nameFor(Sandbox sandbox) {
    return SandboxPodNames.serviceAccount(sandbox);
  }

  @Override
  protected ServiceAccount desired(Sandbox sandbox, Context<Sandbox> context) {
    return new ServiceAccountBuilder()
        .withNewMetadata()
        .withName(nameFor(sandbox))
        .withNamespace(sandbox.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SANDBOX, sandbox.getMetadata().getName())
        .withOwnerReferences(OwnerReferences.controller(sandbox))
        .endMetadata()
        // No token is mounted unless a pod asks for one explicitly (only the sidecar does).
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
