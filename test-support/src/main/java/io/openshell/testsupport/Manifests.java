package io.openshell.testsupport;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operator's resources as a user would write them (YAML for {@code kubectl apply} or a client's
 * {@code load}). Secrets carry placeholder values, never a real credential.
 */
public final class Manifests {
  /** The label that marks a Secret as provider credentials. */
  public static final String CREDENTIALS_LABEL = "openshell.io/provider-credentials";

  private Manifests() {}

  /** A sandbox builder; see {@link SandboxManifest} for the base rule it starts with. */
  public static SandboxManifest sandboxBuilder(String name) {
    return new SandboxManifest(name);
  }

  /** A sandbox with the base rule {@code custom_pypi} and the given providers. */
  public static String sandbox(String name, String... providers) {
    return sandboxBuilder(name).providers(providers).yaml();
  }

  /** A sandbox with the base rule {@code custom_pypi}, the extra rules and the providers. */
  public static String sandboxWithRules(String name, String extraRules, String... providers) {
    return sandboxBuilder(name).extraRules(extraRules).providers(providers).yaml();
  }

  /** A labelled credentials Secret with the given keys (placeholder values). */
  public static String secret(String name, String... keys) {
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
            %s: "true"
        stringData:
        %s
        """
        .formatted(name, CREDENTIALS_LABEL, data);
  }

  /** A provider whose credentials come from a Secret. */
  public static String provider(String name, String type, String secret) {
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

  /** A provider whose credentials are supplied at runtime (no Secret). */
  public static String runtimeProvider(String name, String type) {
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
  public static String restProfile(String id, String envVar, String host) {
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
  public static String tokenGrantProfile(String id, String host) {
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
        .formatted(id, id, id.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), host);
  }

  /** {@code OpenShellSettings/cluster} with providers v2 on or off. */
  public static String settings(boolean providersV2Enabled) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: OpenShellSettings
        metadata:
          name: cluster
        spec:
          providersV2Enabled: %s
        """
        .formatted(providersV2Enabled);
  }
}
