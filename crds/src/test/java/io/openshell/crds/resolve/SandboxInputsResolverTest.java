package io.openshell.crds.resolve;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The resolution rules over plain objects in memory. */
class SandboxInputsResolverTest extends SandboxResolutionRules {
  @Override
  protected SandboxLookups lookups(List<HasMetadata> objects) {
    return new InMemorySandboxLookups(objects);
  }
}
