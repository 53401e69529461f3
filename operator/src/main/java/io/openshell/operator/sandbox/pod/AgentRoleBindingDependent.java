package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;

/** Binds the per-sandbox Role to the per-sandbox service account. */
public class AgentRoleBindingDependent extends OwnedDependent<RoleBinding> {
  public AgentRoleBindingDependent() {
    super(RoleBinding.class);
  }

  @Override
  String nameFor(Sandbox sandbox) {
    return SandboxPodNames.role(sandbox);
  }

  @Override
  protected RoleBinding desired(Sandbox sandbox, Context<Sandbox> context) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(nameFor(sandbox))
        .withNamespace(sandbox.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SANDBOX, sandbox.getMetadata().getName())
        .withOwnerReferences(OwnerReferences.controller(sandbox))
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role")
        .withName(SandboxPodNames.role(sandbox))
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(SandboxPodNames.serviceAccount(sandbox))
        .withNamespace(sandbox.getMetadata().getNamespace())
        .endSubject()
        .build();
  }
}
