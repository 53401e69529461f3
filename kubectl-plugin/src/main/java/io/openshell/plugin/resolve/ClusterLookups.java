package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.plugin.kube.Cluster;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a sandbox's composition depends on, read from the API server once per command: providers
 * (one list per namespace), labelled credentials Secrets (key names only are used), profiles and
 * the settings singleton. The same reads the operator's informer caches answer.
 */
public final class ClusterLookups {
  /** The label the operator's Secret informer selects on; other Secrets are not credentials. */
  public static final String CREDENTIALS_LABEL = "openshell.io/provider-credentials";

  private final Cluster cluster;
  private final Map<String, Map<String, Provider>> providersByNamespace = new HashMap<>();
  private List<ProviderProfile> profiles;
  private Optional<OpenShellSettings> settings;

  public ClusterLookups(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The provider {@code name} in {@code namespace}. */
  public Optional<Provider> provider(String namespace, String name) {
    return Optional.ofNullable(
        providersByNamespace
            .computeIfAbsent(
                namespace,
                n -> {
                  Map<String, Provider> byName = new HashMap<>();
                  cluster.providers(n).forEach(p -> byName.put(p.getMetadata().getName(), p));
                  return byName;
                })
            .get(name));
  }

  /**
   * The labelled credentials Secret {@code name} in {@code namespace}; empty when it is missing or
   * unlabelled. A user who may not read Secrets gets a stand-in that holds only the key names the
   * operator reported in the referring provider's {@code status.credentialKeys} (no values).
   */
  public Optional<Secret> credentialsSecret(String namespace, String name) {
    Optional<Secret> secret;
    try {
      secret = cluster.secret(namespace, name);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      return reportedKeys(namespace, name);
    }
    return secret.filter(
        s ->
            s.getMetadata().getLabels() != null
                && "true".equals(s.getMetadata().getLabels().get(CREDENTIALS_LABEL)));
  }

  private Optional<Secret> reportedKeys(String namespace, String secretName) {
    provider(namespace, "");
    return providersByNamespace.get(namespace).values().stream()
        .filter(p -> ProviderRecords.secretName(p).filter(secretName::equals).isPresent())
        .filter(p -> p.getStatus() != null && p.getStatus().getCredentialKeys() != null)
        .findFirst()
        .map(
            p -> {
              Map<String, String> keys = new TreeMap<>();
              p.getStatus().getCredentialKeys().forEach(k -> keys.put(k, ""));
              return new SecretBuilder()
                  .withNewMetadata()
                  .withName(secretName)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withData(keys)
                  .build();
            });
  }

  /** Every ProviderProfile object. */
  public Collection<ProviderProfile> profiles() {
    if (profiles == null) {
      profiles = cluster.profiles();
    }
    return profiles;
  }

  /** The {@code cluster} settings object, if it exists. */
  public Optional<OpenShellSettings> settings() {
    if (settings == null) {
      settings = cluster.settings();
    }
    return settings;
  }
}
