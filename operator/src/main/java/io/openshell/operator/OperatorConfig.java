package io.openshell.operator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Operator settings read from the environment (see operator/README.md for the variables).
 *
 * @param namespace the operator's own namespace: leader-election lease and events of cluster-scoped
 *     objects
 * @param agentImage image of the policy-agent sidecar added to sandbox pods
 * @param httpPort port of {@code /healthz}, {@code /readyz}, {@code /metrics}; 0 picks a free port
 * @param leaderElection whether to take a lease before reconciling
 * @param leaseName name of the leader-election lease
 * @param installBuiltinProfiles whether built-in profiles are created at start-up and kept intact
 * @param inUseRecheck how often a delete blocked by in-use protection is re-checked
 */
public record OperatorConfig(
    String namespace,
    String agentImage,
    int httpPort,
    boolean leaderElection,
    String leaseName,
    boolean installBuiltinProfiles,
    Duration inUseRecheck) {

  /** Default sidecar image; the chart overrides it with the released tag. */
  public static final String DEFAULT_AGENT_IMAGE = "ghcr.io/openshell/policy-agent:0.1.0";

  /** Settings from process environment variables. */
  public static OperatorConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Settings from the given variables; unknown variables are ignored, missing ones defaulted. */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    return new OperatorConfig(
        value(env, "OPENSHELL_OPERATOR_NAMESPACE").orElse("openshell-system"),
        value(env, "OPENSHELL_AGENT_IMAGE").orElse(DEFAULT_AGENT_IMAGE),
        value(env, "OPENSHELL_HTTP_PORT").map(Integer::parseInt).orElse(8080),
        value(env, "OPENSHELL_LEADER_ELECTION").map(Boolean::parseBoolean).orElse(false),
        value(env, "OPENSHELL_LEASE_NAME").orElse("openshell-operator-lease"),
        value(env, "OPENSHELL_INSTALL_BUILTIN_PROFILES").map(Boolean::parseBoolean).orElse(true),
        value(env, "OPENSHELL_IN_USE_RECHECK_SECONDS")
            .map(s -> Duration.ofSeconds(Long.parseLong(s)))
            .orElse(Duration.ofSeconds(30)));
  }

  /** The same settings with another HTTP port. */
  public OperatorConfig withHttpPort(int port) {
    return new OperatorConfig(
        namespace,
        agentImage,
        port,
        leaderElection,
        leaseName,
        installBuiltinProfiles,
        inUseRecheck);
  }

  /** The same settings with another operator namespace. */
  public OperatorConfig withNamespace(String ns) {
    return new OperatorConfig(
        ns, agentImage, httpPort, leaderElection, leaseName, installBuiltinProfiles, inUseRecheck);
  }

  private static Optional<String> value(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::trim).filter(s -> !s.isEmpty());
  }
}
