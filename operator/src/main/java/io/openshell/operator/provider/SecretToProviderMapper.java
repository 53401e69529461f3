package io.openshell.operator.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.Set;
import java.util.stream.Collectors;

/** Labelled credentials Secret changed → the providers referencing it (primary-cache index). */
public final class SecretToProviderMapper implements SecondaryToPrimaryMapper<Secret> {
  private final IndexedResourceCache<Provider> providers;

  public SecretToProviderMapper(IndexedResourceCache<Provider> providers) {
    this.providers = providers;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
    return providers
        .byIndex(
            ProviderIndexes.BY_SECRET,
            ProviderIndexes.secretKey(
                secret.getMetadata().getNamespace(), secret.getMetadata().getName()))
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
