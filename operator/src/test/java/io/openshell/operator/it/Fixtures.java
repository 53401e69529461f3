package io.openshell.operator.it;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Manifests used by the integration tests, as a user would write them. */
final class Fixtures {
  private Fixtures() {}

  /** A sandbox with OpenShell's example base rule {@code custom_pypi} (plus extra rules). */
  static String sandboxWithRules(String name, String extraRules, String... providers) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Sandbox
        metadata:
          name: %s
        spec:
          policy:
            version: 1
            networkPolicies:
              custom_pypi:
                name: custom_pypi
                endpoints:
                  - host: pypi.org
                    port: 443
                  - host: files.pythonhosted.org
                    port: 443
                binaries:
                  - path: /sandbox/.venv/bin/python
        %s
          providers: [%s]
        """
        .formatted(name, indent(extraRules, 6), String.join(", ", providers));
  }

  static String sandbox(String name, String... providers) {
    return sandboxWithRules(name, "", providers);
  }

  /** A labelled credentials Secret with the given keys (placeholder values). */
  static String secret(String name, String... keys) {
    String data =
        Arrays.stream(keys)
            .map(k -> "  " + k + ": not-a-real-token")
            .collect(Collectors.joining("\n"));
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          labels:
            openshell.io/provider-credentials: "true"
        stringData:
        %s
        """
        .formatted(name, data);
  }

  static String provider(String name, String type, String secret) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata:
          name: %s
        spec:
          type: %s
          credentialsSecretRef:
            name: %s
        """
        .formatted(name, type, secret);
  }

  static String runtimeProvider(String name, String type) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata:
          name: %s
        spec:
          type: %s
          runtimeCredentials: true
        """
        .formatted(name, type);
  }

  /** A custom REST profile with one bearer credential and one inspected endpoint. */
  static String restProfile(String id, String envVar, String host) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: %s
        spec:
          displayName: Custom %s
          category: data
          credentials:
            - name: api_token
              envVars: [%s]
              required: true
              authStyle: bearer
              headerName: authorization
          endpoints:
            - host: %s
              port: 443
              protocol: rest
              access: read-only
              enforcement: enforce
          binaries:
            - /usr/bin/curl
        """
        .formatted(id, id, envVar, host);
  }

  /** A profile whose credential is minted by a token grant on one endpoint. */
  static String tokenGrantProfile(String id, String host) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: %s
        spec:
          displayName: Token grant %s
          credentials:
            - name: access_token
              envVars: [%s_TOKEN]
              required: true
              authStyle: bearer
              headerName: authorization
              tokenGrant:
                tokenEndpoint: https://sts.example.com/token
                audience: api
          endpoints:
            - host: %s
              port: 443
              protocol: rest
              access: read-only
              enforcement: enforce
        """
        .formatted(id, id, id.toUpperCase().replace('-', '_'), host);
  }

  private static String indent(String text, int spaces) {
    if (text.isBlank()) {
      return "";
    }
    String pad = " ".repeat(spaces);
    return text.lines().map(l -> pad + l).collect(Collectors.joining("\n"));
  }
}
