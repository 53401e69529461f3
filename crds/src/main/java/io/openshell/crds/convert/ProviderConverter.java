package io.openshell.crds.convert;

import static io.openshell.crds.convert.Values.bool;
import static io.openshell.crds.convert.Values.str;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderSpec;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code Provider} CR (+ the key names of its credentials Secret) → policy-core's {@link
 * ProviderRecord}. Only Secret key <em>names</em> and versions come in; a credential value never
 * reaches this code.
 */
public final class ProviderConverter {
  private ProviderConverter() {}

  /**
   * The record for a provider.
   *
   * @param provider the CR
   * @param secretKeys the key names of {@code spec.credentialsSecretRef} (empty when there is no
   *     Secret, or with runtime credentials)
   * @param secretResourceVersion the Secret's {@code metadata.resourceVersion}, {@code ""} when
   *     none
   * @return the record; its revision is {@code <provider uid>:<provider generation>/<secret
   *     resourceVersion>}: it changes when the provider's spec changes, when the provider is
   *     recreated, and on every write of its Secret, but not on the provider's own status writes
   *     (OpenShell's provider records have no status)
   */
  public static Conversion<ProviderRecord> toRecord(
      Provider provider, Collection<String> secretKeys, String secretResourceVersion) {
    List<Violation> out = new ArrayList<>();
    ProviderSpec spec = provider.getSpec() == null ? new ProviderSpec() : provider.getSpec();
    Map<String, Instant> expiries = new TreeMap<>();
    if (spec.getCredentialExpiresAt() != null) {
      spec.getCredentialExpiresAt()
          .forEach(
              (key, value) -> {
                try {
                  expiries.put(key, OffsetDateTime.parse(str(value)).toInstant());
                } catch (DateTimeParseException e) {
                  out.add(
                      Violation.error(
                          ViolationCode.PARSE_ERROR,
                          "credentialExpiresAt." + key,
                          "credential expiry for '" + key + "' is not an RFC 3339 time: " + value));
                }
              });
    }
    List<String> configKeys =
        spec.getConfig() == null
            ? List.of()
            : List.copyOf(new TreeMap<>(spec.getConfig()).keySet());
    ObjectMeta meta = provider.getMetadata() == null ? new ObjectMeta() : provider.getMetadata();
    String providerVersion =
        str(meta.getUid()) + ":" + (meta.getGeneration() == null ? "0" : meta.getGeneration());
    ProviderRecord record =
        new ProviderRecord(
            str(meta.getName()),
            str(spec.getType()),
            List.copyOf(secretKeys),
            configKeys,
            expiries,
            bool(spec.getRuntimeCredentials()),
            providerVersion + "/" + str(secretResourceVersion));
    return new Conversion<>(record, out);
  }
}
