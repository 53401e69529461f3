package io.openshell.crds.resolve;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.ProviderConverter;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.policy.model.ProviderRecord;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Provider object and its credentials Secret's key names into policy-core's {@link
 * ProviderRecord}: key names and versions only. Secret values are never read.
 */
public final class ProviderRecords {
  private ProviderRecords() {}

  /**
   * The record of {@code provider}, with the converter's findings (an unparsable expiry is an
   * error: such a record must not be composed).
   *
   * @param secret the key names of its credentials Secret, when it can be read; when it cannot, the
   *     record has no credential keys (never the names the operator last reported in {@code
   *     status.credentialKeys}: status is a report, not an input)
   */
  public static Conversion<ProviderRecord> of(Provider provider, Optional<SecretKeys> secret) {
    return ProviderConverter.toRecord(
        provider,
        secret.map(SecretKeys::names).orElse(List.of()),
        secret.map(SecretKeys::resourceVersion).orElse(""));
  }

  /** The sorted key names of a credentials Secret ({@code data} and {@code stringData}). */
  public static List<String> credentialKeys(Optional<Secret> secret) {
    return secret.map(SecretKeys::names).orElse(List.of());
  }

  /** The name of the provider's credentials Secret, when it names one. */
  public static Optional<String> secretName(Provider provider) {
    var ref = provider.getSpec() == null ? null : provider.getSpec().getCredentialsSecretRef();
    return Optional.ofNullable(ref).map(r -> r.getName()).filter(n -> !n.isBlank());
  }
}
