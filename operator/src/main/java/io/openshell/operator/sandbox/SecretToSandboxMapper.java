package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.HashSet;
import java.util.Set;

/**
 * Labelled credentials Secret changed → the providers that reference it (provider-cache index) →
 * the sandboxes attaching those providers (primary-cache index).
 */
public final class SecretToSandboxMapper implements SecondaryToPrimaryMapper<Secret> {
  private final IndexedResourceCache<Provider> providers;
  private final IndexedResourceCache<Sandbox> sandboxes;

  public SecretToSandboxMapper(
      IndexedResourceCache<Provider> providers, IndexedResourceCache<Sandbox> sandboxes) {
    this.providers = providers;
    this.sandboxes = sandboxes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
    String namespace = secret.getMetadata().getNamespace();
    Set<ResourceID> result = new HashSet<>();
    for (Provider p :
        providers.byIndex(
            ProviderIndexes.BY_SECRET,
            ProviderIndexes.secretKey(namespace, secret.getMetadata().getName()))) {
      result.addAll(
          ProviderToSandboxMapper.sandboxesOf(sandboxes, namespace, p.getMetadata().getName()));
    }
    return result;
  }
}
