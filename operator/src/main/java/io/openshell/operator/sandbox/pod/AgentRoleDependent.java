package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;
import io.openshell.operator.sandbox.PolicyConfigMapDependent;

/**
 * The policy agent's Role: read its own ConfigMap (the agent watches with a {@code metadata.name}
 * field selector, which {@code resourceNames} allows) and annotate its own Pod. Nothing else.
 */
public class AgentRoleDependent extends OwnedDependent<Role> {
  public AgentRoleDependent() {
    super(Role.class);
  }

  @Override
  String nameFor(Sandbox sandbox) {
    return SandboxPodNames.role(sandbox);
  }

  @Override
  protected Role desired(Sandbox sandbox, Context<Sandbox> context) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName(nameFor(sandbox))
        .withNamespace(sandbox.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SANDBOX, sandbox.getMetadata().getName())
        .withOwnerReferences(OwnerReferences.controller(sandbox))
        .endMetadata()
        .addToRules(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("configmaps")
                .withResourceNames(PolicyConfigMapDependent.configMapName(sandbox))
                .withVerbs("get", "list", "watch")
                .build())
        .addToRules(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods")
                .withResourceNames(SandboxPodNames.pod(sandbox))
                .withVerbs("get", "patch")
                .build())
        .build();
  }
}
