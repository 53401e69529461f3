package io.openshell.policy.catalog;

import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.util.Objects;

/**
 * A profile as the catalog holds it.
 *
 * @param profile the profile
 * @param source built-in or user
 * @param generation the stored profile's version (Kubernetes {@code metadata.generation}); {@code
 *     0} for built-ins
 */
public record CatalogEntry(ProviderProfile profile, ProfileSource source, long generation) {
  public CatalogEntry {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(source, "source");
  }

  public String id() {
    return profile.id();
  }
}
