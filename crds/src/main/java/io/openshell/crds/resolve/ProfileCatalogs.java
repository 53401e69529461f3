package io.openshell.crds.resolve;

import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.ProviderProfile;
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
 *
 * <p>Rules, the same for operator, webhook and plugin:
 *
 * <ul>
 *   <li><b>Built-in is decided by name.</b> An object whose {@code metadata.name} is a built-in id
 *       ({@link BuiltinProfiles#isBuiltin}) is a built-in whatever its labels say, and an object
 *       labelled {@code openshell.io/source: builtin} under any other name is a custom profile.
 *       OpenShell decides by id as well ({@code static_source_for_profile}); the label is
 *       user-editable metadata that the operator restores, so it cannot be what decides.
 *   <li><b>A profile being deleted contributes nothing.</b> An object with a {@code
 *       deletionTimestamp} is left out: it is going away (the in-use finalizer only delays the
 *       removal while providers still name it), and leaving out a layer can only narrow access.
 *   <li><b>A profile that does not convert contributes nothing</b> (reported by its own {@code
 *       Accepted} condition; a provider of that type gets no layer, which only narrows access).
 * </ul>
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
}
