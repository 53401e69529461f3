package io.openshell.operator.profile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.operator.resolve.ProviderIndexes;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provider changed → the profile its type resolves to. Used through an {@link
 * io.openshell.operator.watch.OldAndNewEventSource}: a type changed where no schema stops it (the
 * development API server) still tells the old profile.
 */
public final class ProviderToProfileMapper implements SecondaryToPrimaryMapper<Provider> {
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Provider provider) {
    return ProviderIndexes.profileId(provider).stream()
        .map(ResourceID::new)
        .collect(Collectors.toSet());
  }
}
