package io.openshell.operator.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.ProviderConverter;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.policy.model.ProviderRecord;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a Provider object and its credentials Secret into policy-core's {@link ProviderRecord}: key
 * names and versions only. Secret values are never read.
 */
public final class ProviderRecords {
  private ProviderRecords() {}

  /**
   * The record of {@code provider}, with the converter's findings (an unparsable expiry is an
   * error: such a record must not be composed).
   *
   * @param secret the labelled credentials Secret, when it exists
   */
  public static Conversion<ProviderRecord> of(Provider provider, Optional<Secret> secret) {
    String secretVersion =
        secret.map(s -> s.getMetadata().getResourceVersion()).filter(v -> v != null).orElse("");
    return ProviderConverter.toRecord(provider, credentialKeys(secret), secretVersion);
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
