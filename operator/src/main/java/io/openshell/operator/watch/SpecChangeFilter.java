package io.openshell.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets through only the updates of a watched input that can change a sandbox's composition: a new
 * {@code metadata.generation} (spec), other labels, or the start of a deletion. Why: the Provider
 * and ProviderProfile controllers write their own status (attachedTo, usedBy) on every attach;
 * without this filter each such write would re-reconcile every sandbox using that input, O(N)
 * reconciles per attach, all queued before the sandbox that actually changed.
 */
public final class SpecChangeFilter implements OnUpdateFilter<HasMetadata> {
  @Override
  public boolean accept(HasMetadata newResource, HasMetadata oldResource) {
    if (oldResource == null) {
      return true;
    }
    var n = newResource.getMetadata();
    var o = oldResource.getMetadata();
    return !Objects.equals(n.getGeneration(), o.getGeneration())
        || !Objects.equals(n.getLabels(), o.getLabels())
        || !Objects.equals(n.getDeletionTimestamp(), o.getDeletionTimestamp());
  }
}
