package io.openshell.operator.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a Provider object and its credentials Secret into policy-core's {@link ProviderRecord}: key
 * names and versions only. Secret values are never read.
 */
public final class ProviderRecords {
  private ProviderRecords() {}

  /**
   * The record of {@code provider}.
   *
   * @param secret the labelled credentials Secret, when it exists
   */
  public static ProviderRecord of(Provider provider, Optional<Secret> secret) {
    var spec = provider.getSpec();
    Map<String, String> config = spec.getConfig() == null ? Map.of() : spec.getConfig();
    String secretVersion =
        secret.map(s -> s.getMetadata().getResourceVersion()).filter(v -> v != null).orElse("-");
    return new ProviderRecord(
        provider.getMetadata().getName(),
        spec.getType() == null ? "" : spec.getType(),
        credentialKeys(secret),
        List.copyOf(new TreeSet<>(config.keySet())),
        expiries(spec.getCredentialExpiresAt()),
        Boolean.TRUE.equals(spec.getRuntimeCredentials()),
        provider.getMetadata().getResourceVersion() + "/" + secretVersion);
  }

  /** The sorted key names of a credentials Secret ({@code data} and {@code stringData}). */
  public static List<String> credentialKeys(Optional<Secret> secret) {
    TreeSet<String> keys = new TreeSet<>();
    secret.ifPresent(
        s -> {
          if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
          }
          if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
          }
        });
    return List.copyOf(keys);
  }

  /** The name of the provider's credentials Secret, when it names one. */
  public static Optional<String> secretName(Provider provider) {
    var ref = provider.getSpec() == null ? null : provider.getSpec().getCredentialsSecretRef();
    return Optional.ofNullable(ref).map(r -> r.getName()).filter(n -> !n.isBlank());
  }

  private static Map<String, Instant> expiries(Map<String, String> raw) {
    Map<String, Instant> out = new TreeMap<>();
    if (raw != null) {
      raw.forEach(
          (k, v) -> {
            try {
              out.put(k, Instant.parse(v));
            } catch (DateTimeParseException | NullPointerException e) {
              // An unparsable expiry is treated as "never expires", as OpenShell treats 0.
            }
          });
    }
    return out;
  }
}
