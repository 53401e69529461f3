package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.resolve.SandboxIndexes;
import java.util.Set;
import java.util.stream.Collectors;

/** Provider changed → the sandboxes in its namespace that attach it (primary-cache index). */
public final class ProviderToSandboxMapper implements SecondaryToPrimaryMapper<Provider> {
  private final IndexedResourceCache<Sandbox> sandboxes;

  public ProviderToSandboxMapper(IndexedResourceCache<Sandbox> sandboxes) {
    this.sandboxes = sandboxes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Provider provider) {
    return sandboxesOf(
        sandboxes, provider.getMetadata().getNamespace(), provider.getMetadata().getName());
  }

  /** The sandboxes attaching provider {@code name} in {@code namespace}. */
  static Set<ResourceID> sandboxesOf(
      IndexedResourceCache<Sandbox> sandboxes, String namespace, String name) {
    return sandboxes
        .byIndex(SandboxIndexes.BY_PROVIDER, SandboxIndexes.providerKey(namespace, name))
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
