package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.convert.ProviderConverter;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.policy.model.ProviderRecord;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A {@code Provider} resource as policy-core's {@link ProviderRecord}: key names, never values. */
public final class ProviderRecords {
  private ProviderRecords() {}

  /** The record of {@code provider} with the key names of its labelled credentials Secret. */
  public static ProviderRecord of(Provider provider, Optional<Secret> secret) {
    String secretVersion =
        secret.map(s -> s.getMetadata().getResourceVersion()).filter(v -> v != null).orElse("");
    // an expiry that does not parse is reported by the operator; here it is ignored
    return ProviderConverter.toRecord(provider, credentialKeys(secret), secretVersion).value();
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
}
