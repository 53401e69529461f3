package io.openshell.plugin.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** The plugin's HTTP client factory records what it builds and stops it when asked. */
class ClosingJdkHttpClientFactoryTest {
  static final boolean CAN_STOP = Runtime.version().feature() >= 21;

  private static KubernetesClient clientOf(ClosingJdkHttpClientFactory http) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build())
        .withHttpClientFactory(http)
        .build();
  }

  @Test
  void everyJdkClientTheKubernetesClientBuildsIsRecorded() {
    ClosingJdkHttpClientFactory http = new ClosingJdkHttpClientFactory();
    try (KubernetesClient client = clientOf(http)) {
      assertThat(client.getHttpClient()).isNotNull();
      assertThat(http.built()).hasSize(1);
    }
  }

  @Test
  void shutdownAllStopsTheClientsWhereTheJdkCanAndForgetsThem() {
    ClosingJdkHttpClientFactory http = new ClosingJdkHttpClientFactory();
    KubernetesClient client = clientOf(http);
    client.close();
    assertThat(http.shutdownAll()).isEqualTo(CAN_STOP ? 1 : 0);
    assertThat(http.built()).isEmpty();
    assertThat(http.shutdownAll()).isZero();
  }

  @Test
  void aStoppedClientIsTerminatedOnJava21AndLater() throws Exception {
    assumeTrue(CAN_STOP, "HttpClient.shutdownNow exists from Java 21");
    ClosingJdkHttpClientFactory http = new ClosingJdkHttpClientFactory();
    clientOf(http).close();
    HttpClient jdk = http.built().get(0);
    http.shutdownAll();
    assertThat(HttpClient.class.getMethod("isTerminated").invoke(jdk)).isEqualTo(true);
  }

  @Test
  void onJava17ShutdownNowIsAbsentAndNothingFails() {
    assumeTrue(!CAN_STOP, "Java 17-20 only");
    assertThat(ClosingJdkHttpClientFactory.shutdownNow(HttpClient.newHttpClient())).isFalse();
  }
}
