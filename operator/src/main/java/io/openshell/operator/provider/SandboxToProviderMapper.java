package io.openshell.operator.provider;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sandbox changed → the providers it attaches (by name in its namespace). Used through an {@link
 * io.openshell.operator.watch.OldAndNewEventSource}, so detached providers are told too.
 */
public final class SandboxToProviderMapper implements SecondaryToPrimaryMapper<Sandbox> {
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Sandbox sandbox) {
    List<String> names = sandbox.getSpec() == null ? null : sandbox.getSpec().getProviders();
    Set<ResourceID> ids = new LinkedHashSet<>();
    if (names != null) {
      names.forEach(n -> ids.add(new ResourceID(n, sandbox.getMetadata().getNamespace())));
    }
    return ids;
  }
}
