package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Uninspected credentialed endpoints (§5.7): a stamped {@code provider_credentialed} endpoint must
 * be inspected at L7 unless it sets {@code allow_uninspected_credentials: true}. A blank protocol
 * is "L4-only", {@code tls: skip} is "tls: skip". Because stamping covers user rules and other
 * layers, attaching a credentialed provider can make an existing overlapping L4 endpoint fail.
 * Explicit {@code protocol: tcp} is not caught (OpenShell checks only a blank protocol).
 */
public final class UninspectedCredentials {
  private UninspectedCredentials() {}

  /**
   * One {@code UNINSPECTED_CREDENTIALED_ENDPOINT} error per offending endpoint, in key order; the
   * rule is named by its map key, as OpenShell's {@code rule_name} (grpc/policy.rs:2930-2960).
   */
  public static List<Violation> check(SandboxPolicy stamped) {
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<String, NetworkPolicyRule> e : stamped.networkPolicies().entrySet()) {
      List<NetworkEndpoint> endpoints = e.getValue().endpoints();
      for (int i = 0; i < endpoints.size(); i++) {
        NetworkEndpoint ep = endpoints.get(i);
        if (!ep.providerCredentialed() || ep.allowUninspectedCredentials()) {
          continue;
        }
        String mode;
        if (ep.protocol().isBlank()) {
          mode = "L4-only";
        } else if (ep.tls().trim().equalsIgnoreCase("skip")) {
          mode = "tls: skip";
        } else {
          continue;
        }
        List<Integer> ports = ep.effectivePorts();
        int port = ports.isEmpty() ? 0 : ports.get(0);
        out.add(
            Violation.error(
                ViolationCode.UNINSPECTED_CREDENTIALED_ENDPOINT,
                "network_policies."
                    + e.getKey()
                    + ".endpoints["
                    + i
                    + "].allow_uninspected_credentials",
                "credentialed endpoint '"
                    + ep.host()
                    + ":"
                    + port
                    + "' in rule '"
                    + e.getKey()
                    + "' uses "
                    + mode
                    + "; configure L7 inspection or explicitly set allow_uninspected_credentials:"
                    + " true"));
      }
    }
    return out;
  }
}
