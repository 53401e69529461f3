package io.openshell.operator;

import io.openshell.policy.logging.LogSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator settings read from the environment (see operator/README.md for the variables).
 *
 * @param namespace the operator's own namespace: leader-election lease and events of cluster-scoped
 *     objects
 * @param agentImage image of the policy-agent sidecar added to sandbox pods
 * @param agentLogging the sidecar's log format and level ({@code OPENSHELL_AGENT_LOG_FORMAT},
 *     {@code OPENSHELL_AGENT_LOG_LEVEL}; each defaults to the operator's own {@code
 *     OPENSHELL_LOG_*})
 * @param httpPort port of {@code /healthz}, {@code /readyz}, {@code /metrics}; 0 picks a free port
 * @param leaderElection whether to take a lease before reconciling
 * @param leaseName name of the leader-election lease
 * @param installBuiltinProfiles whether built-in profiles are created at start-up and kept intact
 * @param inUseRecheck how often a delete blocked by in-use protection is re-checked
 */
public record OperatorConfig(
    String namespace,
    String agentImage,
    LogSettings agentLogging,
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

  /** The variable with the sidecar's log format (json or text). */
  public static final String AGENT_LOG_FORMAT = "OPENSHELL_AGENT_LOG_FORMAT";

  /** The variable with the sidecar's log level. */
  public static final String AGENT_LOG_LEVEL = "OPENSHELL_AGENT_LOG_LEVEL";

  /**
   * Settings from the given variables; unknown variables are ignored, missing ones defaulted.
   *
   * @throws IllegalArgumentException naming each bad log variable (the operator's own or the
   *     sidecar's) with its allowed values
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    return new OperatorConfig(
        value(env, "OPENSHELL_OPERATOR_NAMESPACE").orElse("openshell-system"),
        value(env, "OPENSHELL_AGENT_IMAGE").orElse(DEFAULT_AGENT_IMAGE),
        agentLogging(env),
        value(env, "OPENSHELL_HTTP_PORT").map(Integer::parseInt).orElse(8080),
        value(env, "OPENSHELL_LEADER_ELECTION").map(Boolean::parseBoolean).orElse(false),
        value(env, "OPENSHELL_LEASE_NAME").orElse("openshell-operator-lease"),
        value(env, "OPENSHELL_INSTALL_BUILTIN_PROFILES").map(Boolean::parseBoolean).orElse(true),
        value(env, "OPENSHELL_IN_USE_RECHECK_SECONDS")
            .map(s -> Duration.ofSeconds(Long.parseLong(s)))
            .orElse(Duration.ofSeconds(30)));
  }

  /**
   * The sidecar's log settings: its variables over the operator's own, checked together so one
   * start-up error names every bad one.
   */
  private static LogSettings agentLogging(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    LogSettings own = LogSettings.DEFAULT;
    try {
      own = LogSettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    LogSettings agent = null;
    try {
      agent = LogSettings.fromEnvironment(env, AGENT_LOG_FORMAT, AGENT_LOG_LEVEL, own);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return agent;
  }

  /** The same settings with another HTTP port. */
  public OperatorConfig withHttpPort(int port) {
    return new OperatorConfig(
        namespace,
        agentImage,
        agentLogging,
        port,
        leaderElection,
        leaseName,
        installBuiltinProfiles,
        inUseRecheck);
  }

  /** The same settings with another operator namespace. */
  public OperatorConfig withNamespace(String ns) {
    return new OperatorConfig(
        ns,
        agentImage,
        agentLogging,
        httpPort,
        leaderElection,
        leaseName,
        installBuiltinProfiles,
        inUseRecheck);
  }

  private static Optional<String> value(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::trim).filter(s -> !s.isEmpty());
  }
}
