package io.openshell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

class OperatorClientsTest {
  private final io.fabric8.kubernetes.client.utils.KubernetesSerialization json =
      OperatorClients.serialization();

  @Test
  void aPodWithAnUnreadableSpecFieldIsReadWithoutIt() {
    Pod pod =
        json.unmarshal(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"containers\":\"oops\",\"serviceAccountName\":\"sa\"}}",
            Pod.class);

    assertThat(pod.getMetadata().getName()).isEqualTo("p");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("sa");
    assertThat(pod.getSpec().getContainers()).isEmpty();
  }

  @Test
  void aSecretWhoseDataIsNotAMapOfStringsKeepsOnlyWhatCanBeRead() {
    Secret broken =
        json.unmarshal(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
                + "\"data\":\"oops\"}",
            Secret.class);
    Secret mixed =
        json.unmarshal(
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
                + "\"data\":{\"A\":{\"x\":1},\"B\":\"dmFs\"}}",
            Secret.class);

    assertThat(broken.getData()).isEmpty();
    assertThat(mixed.getData()).containsOnlyKeys("B");
  }
}
