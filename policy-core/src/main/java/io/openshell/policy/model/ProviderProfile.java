package io.openshell.policy.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider profile (§2.1): what a provider type needs — credentials, endpoints, binaries.
 * Attaching a provider of this type to a sandbox adds a {@code _provider_<name>} rule built from
 * {@link #endpoints()} and {@link #binaries()} (§5.2).
 *
 * @param id canonical id, {@code ^[a-z0-9]+(-[a-z0-9]+)*$}
 * @param resourceVersion OpenShell's compare-and-set version ({@code 0} = not given)
 * @param annotations non-secret annotations, preserved through import/export
 * @param displayName human name (required)
 * @param description description
 * @param category listing category
 * @param inferenceCapable metadata only
 * @param credentials declared credentials
 * @param discoveryCredentials credential names scanned by discovery, in order
 * @param endpoints endpoints of the generated rule
 * @param binaries binaries of the generated rule
 */
public record ProviderProfile(
    String id,
    long resourceVersion,
    Map<String, String> annotations,
    String displayName,
    String description,
    ProfileCategory category,
    boolean inferenceCapable,
    List<CredentialProfile> credentials,
    List<String> discoveryCredentials,
    List<NetworkEndpoint> endpoints,
    List<NetworkBinary> binaries) {
  public ProviderProfile {
    id = Checks.str(id, "id");
    annotations = Checks.orderedMap(annotations, "annotations");
    displayName = Checks.str(displayName, "displayName");
    description = Checks.str(description, "description");
    Objects.requireNonNull(category, "category");
    credentials = Checks.list(credentials, "credentials");
    discoveryCredentials = Checks.list(discoveryCredentials, "discoveryCredentials");
    endpoints = Checks.list(endpoints, "endpoints");
    binaries = Checks.list(binaries, "binaries");
  }

  /** The same profile with another resource version (export/import bookkeeping). */
  public ProviderProfile withResourceVersion(long rv) {
    return new ProviderProfile(
        id,
        rv,
        annotations,
        displayName,
        description,
        category,
        inferenceCapable,
        credentials,
        discoveryCredentials,
        endpoints,
        binaries);
  }

  /** Union of all credentials' env vars in declaration order, de-duplicated (§2.8). */
  public List<String> credentialEnvVars() {
    LinkedHashSet<String> vars = new LinkedHashSet<>();
    credentials.forEach(c -> vars.addAll(c.envVars()));
    return new ArrayList<>(vars);
  }

  /** Credentialed: declares a credential, or an endpoint signs requests (§2.5). */
  public boolean hasCredentialedEndpoints() {
    return !credentials.isEmpty()
        || endpoints.stream().anyMatch(e -> !e.credentialSigning().isBlank());
  }

  /**
   * Whether a provider of this type may have no stored credentials (§2.8): every required
   * credential is runtime-resolvable or a co-minted output of a gateway-mintable refresh, and at
   * least one credential is runtime-resolvable.
   */
  public boolean allowsEmptyProviderCredentials() {
    LinkedHashSet<String> mintedOutputs = new LinkedHashSet<>();
    for (CredentialProfile c : credentials) {
      c.refresh()
          .filter(r -> r.strategy().isGatewayMintable())
          .ifPresent(r -> r.additionalOutputs().forEach(o -> mintedOutputs.add(o.credential())));
    }
    boolean anyResolvable = credentials.stream().anyMatch(CredentialProfile::isRuntimeResolvable);
    boolean requiredCovered =
        credentials.stream()
            .filter(CredentialProfile::required)
            .allMatch(c -> c.isRuntimeResolvable() || mintedOutputs.contains(c.name()));
    return anyResolvable && requiredCovered;
  }
}
