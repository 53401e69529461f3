package io.openshell.operator.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.openshell.crds.v1alpha1.ObservedStatus;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Base of every kind's status factory: a new status stamped with the object's generation, and the
 * decided conditions merged with the stored ones ({@link ConditionList#merge}: one per type,
 * transition time kept while the status holds).
 *
 * @param <S> the status type
 * @param <R> the kind
 */
public abstract class StatusFactory<S extends ObservedStatus, R extends CustomResource<?, S>> {
  private final Clock clock;

  protected StatusFactory(Clock clock) {
    this.clock = clock;
  }

  /** The time source of conditions (and of anything else time-dependent in a status). */
  protected Clock clock() {
    return clock;
  }

  /** An empty status for {@code resource}, with {@code observedGeneration} set. */
  protected S begin(R resource, Supplier<S> empty) {
    S status = empty.get();
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    return status;
  }

  /** {@code status} with {@code desired} merged into the stored conditions of {@code resource}. */
  protected S withConditions(S status, R resource, List<DesiredCondition> desired) {
    S old = resource.getStatus();
    status.setConditions(
        ConditionList.merge(
            old == null ? null : old.getConditions(),
            desired,
            resource.getMetadata().getGeneration(),
            clock.instant()));
    return status;
  }
}
