package io.openshell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.openshell.crds.v1alpha1.SandboxStatus;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class StatusConditionsTest {
  private static SandboxStatus status(Condition... conditions) {
    SandboxStatus s = new SandboxStatus();
    s.setConditions(List.of(conditions));
    return s;
  }

  private static Condition ready(String value, String reason) {
    return new ConditionBuilder()
        .withType("Ready")
        .withStatus(value)
        .withReason(reason)
        .withMessage("because " + reason)
        .build();
  }

  @Test
  void findReturnsTheConditionOfTheTypeAndThrowsWhenAbsent() {
    SandboxStatus s = status(ready("True", "Composed"));
    assertThat(StatusConditions.find(s, "Ready").getReason()).isEqualTo("Composed");
    assertThat(StatusConditions.message(s, "Ready")).isEqualTo("because Composed");
    assertThatThrownBy(() -> StatusConditions.find(s, "Other"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void hasMatchesTypeStatusAndReasonTogether() {
    SandboxStatus s = status(ready("False", "InUse"));
    assertThat(StatusConditions.has(s, "Ready", "False", "InUse")).isTrue();
    assertThat(StatusConditions.has(s, "Ready", "True", "InUse")).isFalse();
    assertThat(StatusConditions.has(s, "Ready", "False", "Other")).isFalse();
    assertThat(StatusConditions.has(null, "Ready", "False", "InUse")).isFalse();
    assertThat(StatusConditions.has(new SandboxStatus(), "Ready", "False", "InUse")).isFalse();
  }
}
