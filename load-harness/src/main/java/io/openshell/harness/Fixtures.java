package io.openshell.harness;

import io.openshell.testsupport.Manifests;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The harness's scenario objects, as YAML (the repository's examples, parameterised). Secrets,
 * providers and settings come from test-support's {@link Manifests}; what stays here is the
 * scenario: the custom profile and its fan-out host, the example sandbox, the stand-in pod.
 */
final class Fixtures {
  private Fixtures() {}

  /** Custom profile used by every sandbox; {@code extraHost} non-empty adds a second endpoint. */
  static final String CUSTOM_PROFILE = "internal-api";

  /** Providers the phases attach: sequential, burst and agent attach use distinct types. */
  static final String SEQUENTIAL_PROVIDER = "deepinfra";

  static final String BURST_PROVIDER = "nvidia";
  static final String AGENT_PROVIDER = "claude";

  /** Host the fan-out phase adds to the custom profile. */
  static final String FANOUT_HOST = "fanout.internal.example.com";

  static String profile(boolean withFanOutHost) {
    String extra =
        withFanOutHost
            ? """
                - host: %s
                  port: 443
                  protocol: rest
                  access: read-only
                  enforcement: enforce
            """
                .formatted(FANOUT_HOST)
            : "";
    return """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: internal-api
        spec:
          displayName: Internal API
          description: Company-internal REST API
          category: data
          credentials:
            - name: api_token
              description: Internal API token
              envVars: [INTERNAL_API_TOKEN]
              required: true
              authStyle: bearer
              headerName: authorization
          endpoints:
            - host: api.internal.example.com
              port: 443
              protocol: rest
              access: read-only
              enforcement: enforce
        %s  binaries:
            - /usr/bin/curl
        """
        .formatted(extra);
  }

  /** Provider name → (type, secret name, secret key) of every provider the harness creates. */
  static final List<List<String>> PROVIDERS =
      List.of(
          List.of("work-github", "github", "github-credentials", "GITHUB_TOKEN"),
          List.of(CUSTOM_PROFILE, CUSTOM_PROFILE, "internal-api-credentials", "INTERNAL_API_TOKEN"),
          List.of(SEQUENTIAL_PROVIDER, "deepinfra", "deepinfra-credentials", "DEEPINFRA_API_KEY"),
          List.of(BURST_PROVIDER, "nvidia", "nvidia-credentials", "NVIDIA_API_KEY"),
          List.of(AGENT_PROVIDER, "claude-code", "claude-credentials", "ANTHROPIC_API_KEY"));

  /**
   * Sandbox {@code i}: OpenShell's GitHub example base policy (one rule, {@code custom_pypi}) and
   * two providers, a built-in (github) and the custom one.
   */
  static List<String> initialProviders(int i) {
    return List.of("work-github", CUSTOM_PROFILE);
  }

  static String sandboxName(int i) {
    return "sb-%05d".formatted(i);
  }

  static String sandbox(String name, List<String> providers) {
    return Manifests.sandboxBuilder(name)
        .policySections(
            """
            filesystemPolicy:
              includeWorkdir: true
              readOnly: [/usr, /lib, /proc, /dev/urandom, /app, /etc, /var/log]
              readWrite: [/sandbox, /tmp, /dev/null]
            landlock:
              compatibility: best_effort
            process:
              runAsUser: sandbox
              runAsGroup: sandbox""")
        .binaries("/sandbox/.venv/bin/python", "/sandbox/.venv/bin/pip")
        .providers(providers.toArray(String[]::new))
        .yaml();
  }

  /** JSON merge patch replacing {@code spec.providers}. */
  static String providersPatch(List<String> providers) {
    return "{\"spec\":{\"providers\":["
        + providers.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(","))
        + "]}}";
  }

  /** The rule key a provider's layer gets in the effective policy (§5.2: sanitised name). */
  static String ruleKey(String provider) {
    return "_provider_" + provider.replace('-', '_');
  }

  /** A stand-in Pod for a policy agent to annotate (the harness runs the agent as a process). */
  static String pod(String name, String sandbox) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          labels:
            openshell.io/load-harness: "%s"
        spec:
          containers:
            - name: policy-agent
              image: ghcr.io/openshell/policy-agent:0.1.0
        """
        .formatted(name, sandbox);
  }
}
