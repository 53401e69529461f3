package io.openshell.policy.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The profiles visible to composition: built-ins plus user profiles, keyed by id. Immutable; a
 * reconcile resolves one snapshot so that every check in a request sees the same profiles.
 */
public final class ProfileCatalog {
  private final TreeMap<String, CatalogEntry> entries;

  private ProfileCatalog(TreeMap<String, CatalogEntry> entries) {
    this.entries = entries;
  }

  /**
   * A catalog of the given entries. When a built-in and a user entry share an id the built-in wins
   * (built-in ids are reserved, §2.2).
   */
  public static ProfileCatalog of(Collection<CatalogEntry> entries) {
    TreeMap<String, CatalogEntry> map = new TreeMap<>();
    for (CatalogEntry e : entries) {
      map.merge(
          e.id(),
          e,
          (a, b) -> a.source() == io.openshell.policy.model.ProfileSource.BUILTIN ? a : b);
    }
    return new ProfileCatalog(map);
  }

  /**
   * A catalog of the 13 built-ins ({@link BuiltinProfiles#all()}) plus {@code user} entries. A user
   * entry with a built-in id is shadowed by the built-in (built-in ids are reserved, §2.2).
   */
  public static ProfileCatalog withBuiltins(Collection<CatalogEntry> user) {
    List<CatalogEntry> all = new ArrayList<>(BuiltinProfiles.all());
    all.addAll(user);
    return of(all);
  }

  /** The entry with this exact id. */
  public Optional<CatalogEntry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** The profile a provider of this {@code type} uses (aliases first, §2.2), if any. */
  public Optional<CatalogEntry> forProviderType(String type) {
    return ProviderTypes.profileIdForType(type).flatMap(this::get);
  }

  /** All entries sorted by id. */
  public Collection<CatalogEntry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  /** A copy of this catalog with {@code entry} added or replacing the entry with its id. */
  public ProfileCatalog with(CatalogEntry entry) {
    TreeMap<String, CatalogEntry> copy = new TreeMap<>(entries);
    copy.put(entry.id(), entry);
    return new ProfileCatalog(copy);
  }
}
