package io.openshell.operator.provider;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.Set;
import java.util.stream.Collectors;

/** ProviderProfile changed → the providers whose type resolves to it (primary-cache index). */
public final class ProfileToProviderMapper implements SecondaryToPrimaryMapper<ProviderProfile> {
  private final IndexedResourceCache<Provider> providers;

  public ProfileToProviderMapper(IndexedResourceCache<Provider> providers) {
    this.providers = providers;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ProviderProfile profile) {
    return providers.byIndex(ProviderIndexes.BY_PROFILE, profile.getMetadata().getName()).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
