package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    String secret = Fields.str(provider, "spec", "credentialsSecretRef", "name");
    if (!secret.isEmpty()) {
      List<String> keys = cluster.secretKeys(ns, secret);
      if (!keys.isEmpty()) {
        return keys;
      }
    }
    return Fields.strings(provider, "status", "credentialKeys");
  }

  public static ProviderRecord of(Cluster cluster, String ns, GenericKubernetesResource provider) {
    Map<String, Instant> expires = new TreeMap<>();
    Fields.map(provider, "spec", "credentialExpiresAt")
        .ifPresent(
            m ->
                m.forEach(
                    (k, v) -> {
                      try {
                        expires.put(k, Instant.parse(String.valueOf(v)));
                      } catch (DateTimeParseException e) {
                        // an unparsable expiry is treated as "never expires", as OpenShell's 0
                      }
                    }));
    List<String> configKeys =
        new ArrayList<>(
            Fields.map(provider, "spec", "config").map(Map::keySet).orElse(java.util.Set.of()));
    return new ProviderRecord(
        provider.getMetadata().getName(),
        Fields.str(provider, "spec", "type"),
        credentialKeys(cluster, ns, provider),
        configKeys,
        expires,
        Fields.bool(provider, "spec", "runtimeCredentials"),
        String.valueOf(provider.getMetadata().getResourceVersion()));
  }
}
