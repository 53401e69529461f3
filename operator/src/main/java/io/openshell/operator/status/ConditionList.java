package io.openshell.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.openshell.crds.Conditions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a kind's condition list from the conditions a reconcile decided, following the Kubernetes
 * conventions: one entry per type, {@code lastTransitionTime} changes only when the status flips,
 * every entry carries the generation it was computed from.
 */
public final class ConditionList {
  private ConditionList() {}

  /**
   * The new condition list: the {@code desired} conditions in their order, each keeping the current
   * entry's {@code lastTransitionTime} when its status is unchanged.
   *
   * @param current the conditions in the stored status (may be null)
   * @param desired what this reconcile decided
   * @param generation the object's {@code metadata.generation}
   * @param now the time stamped on changed conditions
   */
  public static List<Condition> merge(
      List<Condition> current, List<DesiredCondition> desired, Long generation, Instant now) {
    Map<String, Condition> byType = index(current);
    String nowText = format(now);
    List<Condition> result = new ArrayList<>(desired.size());
    for (DesiredCondition d : desired) {
      Condition old = byType.get(d.type());
      String transition =
          old != null
                  && d.statusText().equals(old.getStatus())
                  && old.getLastTransitionTime() != null
              ? old.getLastTransitionTime()
              : nowText;
      result.add(
          new ConditionBuilder()
              .withType(d.type())
              .withStatus(d.statusText())
              .withReason(d.reason())
              .withMessage(d.message())
              .withObservedGeneration(generation)
              .withLastTransitionTime(transition)
              .build());
    }
    return result;
  }

  /**
   * The {@code current} conditions with the one of {@code changed.type()} replaced (or added), by
   * the same transition rule as {@link #merge}; the others are kept as they are.
   */
  public static List<Condition> replace(
      List<Condition> current, DesiredCondition changed, Long generation, Instant now) {
    Condition updated = merge(current, List.of(changed), generation, now).get(0);
    List<Condition> result = new ArrayList<>();
    boolean placed = false;
    for (Condition c : current == null ? List.<Condition>of() : current) {
      if (changed.type().equals(c.getType())) {
        if (!placed) {
          result.add(updated);
          placed = true;
        }
      } else {
        result.add(c);
      }
    }
    if (!placed) {
      result.add(updated);
    }
    return result;
  }

  /**
   * The conditions whose status or reason differs between {@code before} and {@code after} (new
   * types included); these are the changes worth an event.
   */
  public static List<Condition> transitions(List<Condition> before, List<Condition> after) {
    Map<String, Condition> old = index(before);
    List<Condition> changed = new ArrayList<>();
    for (Condition c : after == null ? List.<Condition>of() : after) {
      Condition o = old.get(c.getType());
      if (o == null
          || !Objects.equals(o.getStatus(), c.getStatus())
          || !Objects.equals(o.getReason(), c.getReason())) {
        changed.add(c);
      }
    }
    return changed;
  }

  /** True when the condition of {@code type} is present with status {@code True}. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    Condition c = index(conditions).get(type);
    return c != null && Conditions.TRUE.equals(c.getStatus());
  }

  /** RFC 3339 in seconds, as the API server stores {@code metav1.Time}. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static Map<String, Condition> index(List<Condition> conditions) {
    if (conditions == null) {
      return Map.of();
    }
    return conditions.stream()
        .filter(c -> c.getType() != null)
        .collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> a));
  }
}
