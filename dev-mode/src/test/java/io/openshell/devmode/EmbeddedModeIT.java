package io.openshell.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.OperatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development launcher: API server, CRDs, kubeconfig, operator, endpoints. */
class EmbeddedModeIT {
  @TempDir Path dir;

  @Test
  void embeddedModeServesTheApiWithBuiltinProfilesAndWritesAKubeconfig() throws Exception {
    Path kubeconfig = dir.resolve("openshell-dev.yaml");
    OperatorConfig config =
        OperatorConfig.fromEnvironment(Map.of("OPENSHELL_OPERATOR_NAMESPACE", "default"));
    try (var running = EmbeddedMode.start(new EmbeddedMode.Options(0, kubeconfig, 0), config)) {
      assertThat(Files.readString(kubeconfig)).contains("server: " + running.server().url());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> running.client().resources(ProviderProfile.class).list().getItems().size(),
              n -> n == 13);

      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + running.operator().httpPort();
      var healthz =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      var metrics =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());

      var readyz =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(healthz.statusCode()).isEqualTo(200);
      assertThat(readyz.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("openshell_reconciles_total");
      assertThat(EmbeddedMode.nextSteps(running, new EmbeddedMode.Options(0, kubeconfig, 0)))
          .contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
          .contains("kubectl get providerprofiles");
    }
  }
}
