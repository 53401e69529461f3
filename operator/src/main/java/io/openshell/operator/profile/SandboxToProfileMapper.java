package io.openshell.operator.profile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sandbox changed → the profiles of the providers it attaches (provider cache lookups by name).
 * Used through an {@link io.openshell.operator.watch.OldAndNewEventSource}, so a detach updates the
 * usage count and unblocks a pending delete.
 */
public final class SandboxToProfileMapper implements SecondaryToPrimaryMapper<Sandbox> {
  private final Cache<Provider> providers;

  public SandboxToProfileMapper(Cache<Provider> providers) {
    this.providers = providers;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Sandbox sandbox) {
    List<String> names = sandbox.getSpec() == null ? null : sandbox.getSpec().getProviders();
    Set<ResourceID> ids = new HashSet<>();
    if (names != null) {
      for (String name : names) {
        providers
            .get(new ResourceID(name, sandbox.getMetadata().getNamespace()))
            .flatMap(ProviderIndexes::profileId)
            .ifPresent(id -> ids.add(new ResourceID(id)));
      }
    }
    return ids;
  }
}
