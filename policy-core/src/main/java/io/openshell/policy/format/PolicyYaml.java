package io.openshell.policy.format;

import io.openshell.policy.model.SandboxPolicy;

/**
 * OpenShell's {@code policy.yaml} format (snake_case). Placeholder signature; implemented by the
 * format work package.
 */
public final class PolicyYaml {
  private PolicyYaml() {}

  /**
   * The canonical rendering: OpenShell's policy YAML with {@code network_policies} sorted by key.
   * These bytes are what is hashed and written to the ConfigMap.
   */
  public static String write(SandboxPolicy policy) {
    throw new UnsupportedOperationException("format work package");
  }
}
