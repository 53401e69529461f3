package io.openshell.operator.sandbox.pod;

import io.openshell.crds.v1alpha1.Sandbox;

/** Names of the per-sandbox pod, service account, role and binding. */
public final class SandboxPodNames {
  private SandboxPodNames() {}

  /** The pod is named after the sandbox. */
  public static String pod(Sandbox sandbox) {
    return sandbox.getMetadata().getName();
  }

  /** The policy agent's identity: {@code openshell-sandbox-<name>}. */
  public static String serviceAccount(Sandbox sandbox) {
    return "openshell-sandbox-" + sandbox.getMetadata().getName();
  }

  /** Role and RoleBinding share the service account's name. */
  public static String role(Sandbox sandbox) {
    return serviceAccount(sandbox);
  }
}
