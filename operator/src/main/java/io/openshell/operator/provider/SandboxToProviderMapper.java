package io.openshell.operator.provider;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sandbox changed → the providers it attaches (by name in its namespace). Wrapped in a {@link
 * io.openshell.operator.watch.UnionWithPreviousMapper} so that detached providers are told too.
 */
public final class SandboxToProviderMapper implements Function<Sandbox, Set<ResourceID>> {
  @Override
  public Set<ResourceID> apply(Sandbox sandbox) {
    List<String> names = sandbox.getSpec() == null ? null : sandbox.getSpec().getProviders();
    Set<ResourceID> ids = new LinkedHashSet<>();
    if (names != null) {
      names.forEach(n -> ids.add(new ResourceID(n, sandbox.getMetadata().getNamespace())));
    }
    return ids;
  }
}
