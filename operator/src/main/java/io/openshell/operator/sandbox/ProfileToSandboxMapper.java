package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.HashSet;
import java.util.Set;

/**
 * ProviderProfile changed → providers whose type resolves to it (provider-cache index) → the
 * sandboxes attaching them. Sandboxes that do not use the profile are not touched.
 */
public final class ProfileToSandboxMapper implements SecondaryToPrimaryMapper<ProviderProfile> {
  private final IndexedResourceCache<Provider> providers;
  private final IndexedResourceCache<Sandbox> sandboxes;

  public ProfileToSandboxMapper(
      IndexedResourceCache<Provider> providers, IndexedResourceCache<Sandbox> sandboxes) {
    this.providers = providers;
    this.sandboxes = sandboxes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ProviderProfile profile) {
    Set<ResourceID> result = new HashSet<>();
    for (Provider p :
        providers.byIndex(ProviderIndexes.BY_PROFILE, profile.getMetadata().getName())) {
      result.addAll(
          ProviderToSandboxMapper.sandboxesOf(
              sandboxes, p.getMetadata().getNamespace(), p.getMetadata().getName()));
    }
    return result;
  }
}
