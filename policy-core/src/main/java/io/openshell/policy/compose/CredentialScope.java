package io.openshell.policy.compose;

import io.openshell.policy.match.HostPattern;
import io.openshell.policy.model.NetworkEndpoint;
import java.util.List;
import java.util.Objects;

/**
 * A host/ports selector under which provider credentials may be injected (§5.2 step 6, §5.4).
 *
 * @param host host selector, lower-cased
 * @param ports effective ports; empty means every port
 */
public record CredentialScope(String host, List<Integer> ports) {
  public CredentialScope {
    Objects.requireNonNull(host, "host");
    ports = List.copyOf(ports);
  }

  /**
   * Whether {@code endpoint} falls under this scope (grpc/policy.rs:2883-2894): the host patterns
   * overlap as {@link HostPattern}s (an invalid pattern, such as an empty host, never does) and the
   * ports intersect (an endpoint or scope without ports matches every port).
   */
  public boolean covers(NetworkEndpoint endpoint) {
    if (!HostPattern.overlapsOrFalse(endpoint.host(), host)) {
      return false;
    }
    List<Integer> endpointPorts = endpoint.effectivePorts();
    if (endpointPorts.isEmpty() || ports.isEmpty()) {
      return true;
    }
    for (Integer p : endpointPorts) {
      if (ports.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
