package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.crds.convert.ProviderConverter;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.kube.KubeJson;
import io.openshell.policy.model.ProviderRecord;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A {@code Provider} resource as policy-core's {@link ProviderRecord}: key names, never values. */
public final class ProviderRecords {
  private ProviderRecords() {}

  /**
   * The provider's credential key names: its Secret's keys when the plugin may read them, else the
   * names the operator reported in {@code status.credentialKeys}.
   */
  public static List<String> credentialKeys(
      Cluster cluster, String ns, GenericKubernetesResource provider) {
    if (Fields.bool(provider, "spec", "runtimeCredentials")) {
      return List.of();
    }
    return secret(cluster, ns, provider)
        .map(ProviderRecords::keys)
        .filter(k -> !k.isEmpty())
        .orElseGet(() -> Fields.strings(provider, "status", "credentialKeys"));
  }

  public static ProviderRecord of(Cluster cluster, String ns, GenericKubernetesResource provider) {
    Optional<Secret> secret =
        Fields.bool(provider, "spec", "runtimeCredentials")
            ? Optional.empty()
            : secret(cluster, ns, provider);
    List<String> keys = credentialKeys(cluster, ns, provider);
    String secretVersion = secret.map(s -> s.getMetadata().getResourceVersion()).orElse("");
    // an expiry that does not parse is reported by the operator; here it is ignored
    return ProviderConverter.toRecord(
            KubeJson.MAPPING.convertValue(provider, Provider.class), keys, secretVersion)
        .value();
  }

  private static Optional<Secret> secret(
      Cluster cluster, String ns, GenericKubernetesResource provider) {
    String name = Fields.str(provider, "spec", "credentialsSecretRef", "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(cluster.client().secrets().inNamespace(ns).withName(name).get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Key names only: the values are never read into anything. */
  private static List<String> keys(Secret s) {
    TreeSet<String> keys = new TreeSet<>();
    if (s.getData() != null) {
      keys.addAll(s.getData().keySet());
    }
    if (s.getStringData() != null) {
      keys.addAll(s.getStringData().keySet());
    }
    return List.copyOf(keys);
  }
}
