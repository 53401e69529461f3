package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.match.EndpointPath;
import io.openshell.policy.match.HostPattern;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code credential_binding} rules (§5.8) and the SigV4 credential-source rule.
 *
 * <p>A binding is sandbox-scoped: it must name ({@code provider}, no surrounding whitespace) a
 * provider that is attached, has a profile, and whose profile has no endpoints (profile endpoints
 * stay the credential boundary); the bound endpoint needs a host and ports in 1..=65535. A global
 * policy may not carry bindings. An endpoint with {@code credential_signing} needs an AWS
 * credential source: an attached provider whose profile declares {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} and whose endpoints cover the endpoint's host, ports and path, or a
 * binding to an endpointless profile declaring them.
 */
public final class CredentialBindings {
  private CredentialBindings() {}

  /** OpenShell's text for a binding in a global policy. */
  public static final String GLOBAL_MESSAGE =
      "credential_binding is sandbox-scoped and cannot be used in a global policy";

  /** One error per endpoint of the global policy that carries a binding. */
  public static List<Violation> checkGlobal(SandboxPolicy global) {
    List<Violation> out = new ArrayList<>();
    forEachEndpoint(
        global,
        (key, i, ep) -> {
          if (ep.credentialBinding().isPresent()) {
            out.add(
                Violation.error(
                    ViolationCode.INVALID_CREDENTIAL_BINDING,
                    "globalPolicy." + field(key, i),
                    GLOBAL_MESSAGE));
          }
        });
    return out;
  }

  /**
   * Shape and context errors of every binding in the sandbox policy {@code policy}, in key order:
   * shape first, then whether the named provider is attached, has a profile, and that profile is
   * endpointless. A named provider that is attached but does not exist is reported as not found
   * elsewhere and skipped here.
   */
  public static List<Violation> check(SandboxPolicy policy, List<ResolvedProvider> providers) {
    List<Violation> out = new ArrayList<>();
    forEachEndpoint(
        policy,
        (key, i, ep) -> {
          if (ep.credentialBinding().isEmpty()) {
            return;
          }
          String field = field(key, i);
          String provider = ep.credentialBinding().get().provider();
          Optional<String> shape = shapeError(ep, provider);
          if (shape.isPresent()) {
            out.add(error(field, shape.get()));
            return;
          }
          Optional<ResolvedProvider> attached =
              providers.stream().filter(p -> p.name().equals(provider)).findFirst();
          if (attached.isEmpty()) {
            out.add(
                error(
                    field,
                    "credential_binding references provider '"
                        + provider
                        + "', but that provider is not attached to the sandbox"));
          } else if (attached.get().record().isEmpty()) {
            return;
          } else if (attached.get().entry().isEmpty()) {
            out.add(
                error(
                    field,
                    "credential_binding provider '" + provider + "' has no provider profile"));
          } else if (!attached.get().endpointless()) {
            out.add(
                error(
                    field,
                    "credential_binding provider '"
                        + provider
                        + "' profile already defines endpoints; profile endpoints remain the"
                        + " credential boundary"));
          }
        });
    return out;
  }

  private static Optional<String> shapeError(NetworkEndpoint ep, String provider) {
    if (provider.isBlank()) {
      return Optional.of(
          "credential_binding.provider is required for endpoint '" + ep.host() + "'");
    }
    if (!provider.strip().equals(provider)) {
      return Optional.of(
          "credential_binding.provider '"
              + provider
              + "' must not contain leading or trailing whitespace");
    }
    if (ep.host().isBlank()) {
      return Optional.of(
          "credential-bound endpoint for provider '" + provider + "' must define a host");
    }
    boolean portsOk = true;
    for (Integer p : validationPorts(ep)) {
      portsOk &= p >= 1 && p <= 65535;
    }
    if (!portsOk) {
      return Optional.of(
          "credential-bound endpoint '"
              + ep.host()
              + "' for provider '"
              + provider
              + "' must define ports in range 1..=65535");
    }
    return Optional.empty();
  }

  /**
   * SigV4 credential-source errors (grpc/policy.rs:1811-1934): one per endpoint of the effective
   * policy with {@code credential_signing} that has no source. A bound endpoint's only source is
   * its bound provider, when that provider's profile declares AWS_ACCESS_KEY_ID and
   * AWS_SECRET_ACCESS_KEY and has no endpoints; an unbound endpoint needs an attached profile that
   * declares them and covers it: every port of the signed endpoint is a port of one of the
   * profile's endpoints whose host and path cover the signed host and path (equal, or a literal
   * signed value the profile pattern matches).
   */
  public static List<Violation> checkSigningSources(
      SandboxPolicy effective, List<ResolvedProvider> providers) {
    List<Violation> out = new ArrayList<>();
    forEachEndpoint(
        effective,
        (key, i, ep) -> {
          if (ep.credentialSigning().isEmpty() || hasSigningSource(ep, providers)) {
            return;
          }
          out.add(
              error(
                  "network_policies." + key + ".endpoints[" + i + "].credential_signing",
                  "credential_signing endpoint '"
                      + signedSelector(ep)
                      + "' has no resolvable AWS credential source; attach an endpoint-bearing"
                      + " provider profile that declares AWS_ACCESS_KEY_ID and"
                      + " AWS_SECRET_ACCESS_KEY and covers this endpoint, or set"
                      + " credential_binding.provider to an attached endpointless profile that"
                      + " declares those credentials"));
        });
    return out;
  }

  private static boolean hasSigningSource(NetworkEndpoint ep, List<ResolvedProvider> providers) {
    Optional<String> bound = ep.credentialBinding().map(b -> b.provider());
    for (ResolvedProvider p : providers) {
      if (p.record().isEmpty() || p.entry().isEmpty()) {
        continue;
      }
      if (bound.isPresent() && !bound.get().equals(p.name())) {
        continue;
      }
      ProviderProfile profile = p.entry().get().profile();
      List<String> vars = profile.credentialEnvVars();
      if (!vars.contains("AWS_ACCESS_KEY_ID") || !vars.contains("AWS_SECRET_ACCESS_KEY")) {
        continue;
      }
      if (bound.isPresent()) {
        return profile.endpoints().isEmpty();
      }
      if (!profile.endpoints().isEmpty() && covered(ep, profile.endpoints())) {
        return true;
      }
    }
    return false;
  }

  private static boolean covered(NetworkEndpoint signed, List<NetworkEndpoint> profileEndpoints) {
    for (Integer port : validationPorts(signed)) {
      boolean any = false;
      for (NetworkEndpoint pe : profileEndpoints) {
        if (validationPorts(pe).contains(port)
            && hostCovers(pe.host(), signed.host())
            && pathCovers(pe.path(), signed.path())) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** {@code endpoint_ports_for_validation}: {@code ports} as authored, else {@code [port]}. */
  private static List<Integer> validationPorts(NetworkEndpoint ep) {
    return ep.ports().isEmpty() ? List.of(ep.port()) : ep.ports();
  }

  private static boolean hostCovers(String profileHost, String policyHost) {
    if (profileHost.equalsIgnoreCase(policyHost)) {
      return true;
    }
    return !hasGlobSyntax(policyHost) && HostPattern.matchesOrFalse(profileHost, policyHost);
  }

  private static boolean pathCovers(String profilePath, String policyPath) {
    if (profilePath.equals(policyPath)
        || profilePath.isEmpty()
        || profilePath.equals("**")
        || profilePath.equals("/**")) {
      return true;
    }
    return !hasGlobSyntax(policyPath) && EndpointPath.matches(profilePath, policyPath);
  }

  private static boolean hasGlobSyntax(String value) {
    return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.indexOf('[') >= 0;
  }

  /** {@code format_endpoint_selector}: host, the authored ports joined by commas, path. */
  private static String signedSelector(NetworkEndpoint ep) {
    StringBuilder sb = new StringBuilder(ep.host()).append(':');
    List<Integer> ports = validationPorts(ep);
    for (int i = 0; i < ports.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(ports.get(i));
    }
    return sb.append(ep.path()).toString();
  }

  /** Provider names bound by {@code credential_binding} anywhere in {@code policy}. */
  public static List<String> boundProviders(SandboxPolicy policy) {
    List<String> out = new ArrayList<>();
    forEachEndpoint(
        policy,
        (key, i, ep) ->
            ep.credentialBinding()
                .ifPresent(
                    b -> {
                      if (!out.contains(b.provider())) {
                        out.add(b.provider());
                      }
                    }));
    return out;
  }

  private static Violation error(String field, String message) {
    return Violation.error(ViolationCode.INVALID_CREDENTIAL_BINDING, field, message);
  }

  private static String field(String key, int index) {
    return "network_policies." + key + ".endpoints[" + index + "].credential_binding";
  }

  private interface EndpointVisitor {
    void visit(String key, int index, NetworkEndpoint endpoint);
  }

  private static void forEachEndpoint(SandboxPolicy policy, EndpointVisitor visitor) {
    for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
      List<NetworkEndpoint> endpoints = e.getValue().endpoints();
      for (int i = 0; i < endpoints.size(); i++) {
        visitor.visit(e.getKey(), i, endpoints.get(i));
      }
    }
  }
}
