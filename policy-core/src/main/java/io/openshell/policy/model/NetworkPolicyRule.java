package io.openshell.policy.model;

import java.util.List;

/**
 * One {@code network_policies} entry (§1.2): the endpoints a set of binaries may reach.
 *
 * @param name label used in logs and ambiguity messages; empty means "use the map key"
 * @param endpoints allowed destinations (an empty list passes validation and allows nothing)
 * @param binaries executables (path globs) the rule applies to
 */
public record NetworkPolicyRule(
    String name, List<NetworkEndpoint> endpoints, List<NetworkBinary> binaries) {
  public NetworkPolicyRule {
    name = Checks.str(name, "name");
    endpoints = Checks.list(endpoints, "endpoints");
    binaries = Checks.list(binaries, "binaries");
  }

  /** The name OpenShell prints for this rule: its {@code name}, or the map key when empty. */
  public String displayName(String key) {
    return name.isEmpty() ? key : name;
  }

  public NetworkPolicyRule withEndpoints(List<NetworkEndpoint> newEndpoints) {
    return new NetworkPolicyRule(name, newEndpoints, binaries);
  }
}
