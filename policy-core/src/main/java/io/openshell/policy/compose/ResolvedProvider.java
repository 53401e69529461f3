package io.openshell.policy.compose;

import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One attached provider name resolved against the provider records and the profile catalog.
 *
 * @param name the attached name
 * @param record the provider record, absent when no provider has that name
 * @param entry the catalog entry its type resolves to (§2.2 aliases first), absent when none
 */
public record ResolvedProvider(
    String name, Optional<ProviderRecord> record, Optional<CatalogEntry> entry) {
  public ResolvedProvider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(entry, "entry");
  }

  /** The resolved profile, if the provider exists and its type has one. */
  public Optional<ProviderProfile> profile() {
    return entry.map(CatalogEntry::profile);
  }

  /** True when the provider exists and its profile declares no endpoints. */
  public boolean endpointless() {
    return entry.map(e -> e.profile().endpoints().isEmpty()).orElse(false);
  }
}
