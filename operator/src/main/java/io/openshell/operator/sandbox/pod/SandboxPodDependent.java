package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.policy.format.PolicyBundle;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox Pod. Pod specs are mostly immutable, and the API server and the sidecar add fields,
 * so the Pod matches when its spec-hash annotation does; a changed template replaces the Pod
 * (delete now, the deletion event brings the reconcile that creates the new one).
 */
public class SandboxPodDependent extends OwnedDependent<Pod> {
  private final AgentSidecar agent;

  public SandboxPodDependent(AgentSidecar agent) {
    super(Pod.class);
    this.agent = agent;
  }

  @Override
  String nameFor(Sandbox sandbox) {
    return SandboxPodNames.pod(sandbox);
  }

  @Override
  protected Pod desired(Sandbox sandbox, Context<Sandbox> context) {
    return SandboxPodSpecs.render(sandbox, agent);
  }

  @Override
  public Matcher.Result<Pod> match(Pod actual, Sandbox sandbox, Context<Sandbox> context) {
    Pod desired = desired(sandbox, context);
    return Matcher.Result.computed(Objects.equals(specHash(actual), specHash(desired)), desired);
  }

  @Override
  public Pod update(Pod actual, Pod desired, Sandbox sandbox, Context<Sandbox> context) {
    context.getClient().resource(actual).delete();
    return actual;
  }

  /** The applied-policy hash the sidecar reported on this pod, if any. */
  public static java.util.Optional<String> appliedHash(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    return java.util.Optional.ofNullable(
        a == null ? null : a.get(PolicyBundle.Names.APPLIED_POLICY_HASH_ANNOTATION));
  }

  private static String specHash(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    return a == null ? null : a.get(Labels.POD_SPEC_HASH);
  }
}
