package io.openshell.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.Set;

/**
 * An informer event source that, on an update, also notifies the primaries the <em>old</em> version
 * mapped to and the new one no longer does. JOSDK maps only the new version, so without this a
 * sandbox that detaches a provider would never notify that provider (its {@code attachedTo}, its
 * profile's {@code usedBy} and the in-use finalizer depend on it), and the release waited for the
 * periodic re-check.
 *
 * <p>Stateless: both versions come with the informer's update, and the mapper is a pure function of
 * one version. (The previous mapper remembered the last mapping per object; JOSDK calls the mapper
 * twice per update, for its index and for the event, so the first call consumed the memory and the
 * detach event was lost.)
 */
public class OldAndNewEventSource<R extends HasMetadata, P extends HasMetadata>
    extends InformerEventSource<R, P> {
  private final SecondaryToPrimaryMapper<R> mapper;

  public OldAndNewEventSource(
      InformerEventSourceConfiguration<R> configuration, EventSourceContext<P> context) {
    super(configuration, context);
    this.mapper = configuration.getSecondaryToPrimaryMapper();
  }

  @Override
  public void onUpdate(R oldObject, R newObject) {
    super.onUpdate(oldObject, newObject);
    Set<ResourceID> released = released(mapper, oldObject, newObject);
    var handler = getEventHandler();
    if (handler != null) {
      released.forEach(id -> handler.handleEvent(new Event(id)));
    }
  }

  /** The primaries {@code oldObject} maps to and {@code newObject} does not. */
  public static <R> Set<ResourceID> released(
      SecondaryToPrimaryMapper<R> mapper, R oldObject, R newObject) {
    if (oldObject == null) {
      return Set.of();
    }
    Set<ResourceID> before = new HashSet<>(mapper.toPrimaryResourceIDs(oldObject));
    before.removeAll(mapper.toPrimaryResourceIDs(newObject));
    return before;
  }
}
