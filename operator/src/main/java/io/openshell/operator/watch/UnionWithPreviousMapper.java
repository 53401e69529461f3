package io.openshell.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A mapper that also returns what the previous version of the object mapped to. JOSDK maps only the
 * new object of an update, so without this a sandbox that detaches a provider would never notify
 * that provider (its {@code attachedTo} and in-use finalizer depend on it).
 */
public final class UnionWithPreviousMapper<R extends HasMetadata>
    implements SecondaryToPrimaryMapper<R> {
  private final Function<R, Set<ResourceID>> current;
  private final Map<ResourceID, Set<ResourceID>> previous = new ConcurrentHashMap<>();

  public UnionWithPreviousMapper(Function<R, Set<ResourceID>> current) {
    this.current = current;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(R resource) {
    ResourceID key = ResourceID.fromResource(resource);
    Set<ResourceID> now = Set.copyOf(current.apply(resource));
    Set<ResourceID> before =
        resource.getMetadata().getDeletionTimestamp() != null
            ? previous.remove(key)
            : previous.put(key, now);
    if (before == null || before.isEmpty()) {
      return now;
    }
    Set<ResourceID> union = new HashSet<>(now);
    union.addAll(before);
    return union;
  }
}
