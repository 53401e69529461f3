package io.openshell.operator.profile;

import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.Labels;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.ProfileSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds the profile catalog composition sees: the 13 built-ins (always, from policy-core, so a
 * tampered or missing built-in object cannot change what a built-in type means) plus every custom
 * ProviderProfile object that converts.
 */
public final class ProfileCatalogs {
  private ProfileCatalogs() {}

  /** The catalog of built-ins plus the given objects. */
  public static ProfileCatalog of(Collection<ProviderProfile> objects) {
    List<CatalogEntry> entries = new ArrayList<>();
    entries.addAll(BuiltinProfiles.all());
    for (ProviderProfile object : objects) {
      if (isBuiltin(object) || object.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      entry(object).ifPresent(entries::add);
    }
    return ProfileCatalog.of(entries);
  }

  /** The catalog entry of a custom profile object; empty when its spec cannot be converted. */
  public static Optional<CatalogEntry> entry(ProviderProfile object) {
    var conversion = ProfileConverter.toModel(object);
    if (conversion.hasErrors()) {
      // Reported by the profile's Accepted condition; here it simply contributes no profile (a
      // provider of that type gets no layer, which only narrows access).
      return Optional.empty();
    }
    long generation =
        object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration();
    return Optional.of(new CatalogEntry(conversion.value(), ProfileSource.USER, generation));
  }

  /** True when the object's name is a built-in profile id (whatever its labels say). */
  public static boolean isBuiltin(ProviderProfile object) {
    return BuiltinProfiles.isBuiltin(object.getMetadata().getName());
  }

  /** True when {@code id} is a built-in profile id. */
  public static boolean isBuiltinId(String id) {
    return BuiltinProfiles.isBuiltin(id);
  }

  /** The source label value of an object. */
  public static String sourceLabel(ProviderProfile object) {
    return isBuiltin(object) ? ProfileSource.BUILTIN.label() : ProfileSource.USER.label();
  }

  static boolean hasBuiltinLabel(ProviderProfile object) {
    var labels = object.getMetadata().getLabels();
    return labels != null && ProfileSource.BUILTIN.label().equals(labels.get(Labels.SOURCE));
  }
}
