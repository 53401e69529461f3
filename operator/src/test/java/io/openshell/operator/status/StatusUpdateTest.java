package io.openshell.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class StatusUpdateTest {
  @Test
  void aFailedReconcileIsReportedWithItsRootCauseOnOneLine() {
    var e =
        new IllegalStateException(
            "wrapper",
            new KubernetesClientException(
                "Failure executing: POST\nconfigmaps \"openshell-policy-box\" already exists"));

    assertThat(StatusUpdate.causeOf(e))
        .isEqualTo(
            "reconcile failed (retrying): Failure executing: POST configmaps"
                + " \"openshell-policy-box\" already exists")
        .doesNotContain("\n");
  }

  @Test
  void aVeryLongCauseIsCut() {
    String text = StatusUpdate.causeOf(new RuntimeException("x".repeat(2_000)));

    assertThat(text).hasSizeLessThan(600).endsWith("…");
  }
}
