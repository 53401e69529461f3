package io.openshell.policy.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenShell's {@code SandboxPolicy} (§1.1): static sections applied at sandbox start and the
 * dynamic {@code network_policies} map. Egress is denied by default: only endpoints listed in a
 * network policy rule are reachable.
 *
 * @param version policy schema version (OpenShell requires the field and documents {@code 1})
 * @param filesystem {@code filesystem_policy}, absent when the policy does not set one
 * @param landlock {@code landlock}
 * @param process {@code process}
 * @param networkPolicies rule key → rule, always iterated in key order (OpenShell's BTreeMap)
 */
public record SandboxPolicy(
    long version,
    Optional<FilesystemPolicy> filesystem,
    Optional<LandlockPolicy> landlock,
    Optional<ProcessPolicy> process,
    Map<String, NetworkPolicyRule> networkPolicies) {

  public SandboxPolicy {
    Objects.requireNonNull(filesystem, "filesystem");
    Objects.requireNonNull(landlock, "landlock");
    Objects.requireNonNull(process, "process");
    networkPolicies = Checks.sortedMap(networkPolicies, "networkPolicies");
  }

  /** A version-1 policy with only network rules. */
  public static SandboxPolicy ofNetwork(Map<String, NetworkPolicyRule> networkPolicies) {
    return new SandboxPolicy(
        1, Optional.empty(), Optional.empty(), Optional.empty(), networkPolicies);
  }

  /** The same policy with its network rules replaced. */
  public SandboxPolicy withNetworkPolicies(Map<String, NetworkPolicyRule> rules) {
    return new SandboxPolicy(version, filesystem, landlock, process, rules);
  }
}
