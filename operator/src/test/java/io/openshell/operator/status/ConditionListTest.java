package io.openshell.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionListTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void unchangedStatusKeepsItsTransitionTime() {
    List<Condition> first =
        ConditionList.merge(null, List.of(DesiredCondition.isTrue("Ready", "A", "m1")), 1L, T1);

    List<Condition> second =
        ConditionList.merge(first, List.of(DesiredCondition.isTrue("Ready", "B", "m2")), 2L, T2);

    assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(second.get(0).getReason()).isEqualTo("B");
    assertThat(second.get(0).getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void flippedStatusGetsANewTransitionTime() {
    List<Condition> first =
        ConditionList.merge(null, List.of(DesiredCondition.isTrue("Ready", "A", "m")), 1L, T1);

    List<Condition> second =
        ConditionList.merge(first, List.of(DesiredCondition.isFalse("Ready", "A", "m")), 1L, T2);

    assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-01-02T00:00:00Z");
  }

  @Test
  void transitionsListOnlyConditionsWhoseStatusOrReasonChanged() {
    List<Condition> before =
        ConditionList.merge(
            null,
            List.of(DesiredCondition.isTrue("A", "R", "m"), DesiredCondition.isTrue("B", "R", "m")),
            1L,
            T1);
    List<Condition> after =
        ConditionList.merge(
            before,
            List.of(
                DesiredCondition.isTrue("A", "R", "other message"),
                DesiredCondition.isFalse("B", "R", "m")),
            1L,
            T2);

    assertThat(ConditionList.transitions(before, after)).extracting("type").containsExactly("B");
  }

  @Test
  void replacingOneConditionKeepsTheOthersAndTheirOrder() {
    List<Condition> first =
        ConditionList.merge(
            null,
            List.of(
                DesiredCondition.isTrue("PolicyComposed", "Composed", "m"),
                DesiredCondition.isTrue("Ready", "Composed", "m")),
            1L,
            T1);

    List<Condition> replaced =
        ConditionList.replace(
            first, DesiredCondition.isFalse("Ready", "InvalidSpec", "bad"), 2L, T2);

    assertThat(replaced).extracting(Condition::getType).containsExactly("PolicyComposed", "Ready");
    assertThat(replaced.get(0)).isSameAs(first.get(0));
    assertThat(replaced.get(1).getStatus()).isEqualTo("False");
    assertThat(replaced.get(1).getReason()).isEqualTo("InvalidSpec");
    assertThat(replaced.get(1).getLastTransitionTime()).isEqualTo("2026-01-02T00:00:00Z");
  }
}
