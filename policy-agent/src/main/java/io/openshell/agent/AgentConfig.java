package io.openshell.agent;

import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.logging.LogSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sidecar's settings, read from its environment.
 *
 * @param namespace the sandbox's namespace ({@code OPENSHELL_NAMESPACE})
 * @param sandbox the sandbox name ({@code OPENSHELL_SANDBOX})
 * @param configMapName the ConfigMap to watch ({@code OPENSHELL_POLICY_CONFIGMAP}, default {@code
 *     openshell-policy-<sandbox>})
 * @param podName this pod, whose annotation reports the applied hash ({@code POD_NAME})
 * @param policyDir where {@code policy.yaml} and {@code metadata.json} are written ({@code
 *     OPENSHELL_POLICY_DIR}, default {@code /var/run/openshell/policy})
 * @param bindAddress the HTTP endpoints' address ({@code OPENSHELL_AGENT_BIND}, default {@code
 *     127.0.0.1})
 * @param port the HTTP endpoints' port ({@code OPENSHELL_AGENT_PORT}, default 9090; 0 picks a free
 *     one)
 */
record AgentConfig(
    String namespace,
    String sandbox,
    String configMapName,
    String podName,
    Path policyDir,
    String bindAddress,
    int port) {

  static final String DEFAULT_POLICY_DIR = "/var/run/openshell/policy";
  static final int DEFAULT_PORT = 9090;
  static final String DEFAULT_BIND = "127.0.0.1";

  /**
   * Reads the settings; throws {@link IllegalArgumentException} naming every missing or bad one.
   */
  static AgentConfig fromEnv(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String namespace = required(env, "OPENSHELL_NAMESPACE", problems);
    String sandbox = required(env, "OPENSHELL_SANDBOX", problems);
    String podName = required(env, "POD_NAME", problems);
    String configMap =
        optional(
            env,
            "OPENSHELL_POLICY_CONFIGMAP",
            sandbox == null ? null : PolicyBundle.Names.configMapName(sandbox));
    String dir = optional(env, "OPENSHELL_POLICY_DIR", DEFAULT_POLICY_DIR);
    String bind = optional(env, "OPENSHELL_AGENT_BIND", DEFAULT_BIND);
    String portText = optional(env, "OPENSHELL_AGENT_PORT", Integer.toString(DEFAULT_PORT));
    int port = -1;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (port < 0 || port > 65535) {
      problems.add("OPENSHELL_AGENT_PORT must be a port number (0-65535), got '" + portText + "'");
    }
    try {
      // logback.xml reads both variables itself; a format naming no appender would log nothing
      LogSettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new AgentConfig(namespace, sandbox, configMap, podName, Path.of(dir), bind, port);
  }

  private static String required(Map<String, String> env, String key, List<String> problems) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      problems.add(key + " is required");
      return null;
    }
    return value.trim();
  }

  private static String optional(Map<String, String> env, String key, String fallback) {
    String value = env.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
