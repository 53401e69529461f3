package io.openshell.operator.sandbox.pod;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.List;
import java.util.Optional;

/**
 * The dependents a sandbox with {@code spec.podTemplate} gets (service account, role, binding,
 * pod), reconciled together; without a template they are removed.
 */
public final class SandboxPodResources {
  private final AgentServiceAccountDependent serviceAccount = new AgentServiceAccountDependent();
  private final AgentRoleDependent role = new AgentRoleDependent();
  private final AgentRoleBindingDependent binding = new AgentRoleBindingDependent();
  private final SandboxPodDependent pod;

  public SandboxPodResources(AgentSidecar agent) {
    this.pod = new SandboxPodDependent(agent);
  }

  /** The dependents, for event-source registration. */
  public List<KubernetesDependentResource<?, Sandbox>> dependents() {
    return List.of(serviceAccount, role, binding, pod);
  }

  /** Whether the sandbox asks for a pod. */
  public static boolean wanted(Sandbox sandbox) {
    return sandbox.getSpec() != null && sandbox.getSpec().getPodTemplate() != null;
  }

  /**
   * Creates or updates the pod resources, or removes them when the sandbox has no template.
   *
   * @return the applied-policy hash the pod's agent reports, if any
   */
  public Optional<String> reconcile(Sandbox sandbox, Context<Sandbox> context) {
    if (!wanted(sandbox)) {
      pod.delete(sandbox, context);
      binding.delete(sandbox, context);
      role.delete(sandbox, context);
      serviceAccount.delete(sandbox, context);
      return Optional.empty();
    }
    serviceAccount.reconcile(sandbox, context);
    role.reconcile(sandbox, context);
    binding.reconcile(sandbox, context);
    pod.reconcile(sandbox, context);
    return pod.getSecondaryResource(sandbox, context).flatMap(SandboxPodDependent::appliedHash);
  }
}
