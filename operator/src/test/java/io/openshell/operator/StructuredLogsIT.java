package io.openshell.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.CrdResources;
import io.openshell.devapi.DevApiServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production jar (integration tests run after {@code package}) logs one JSON object per line by
 * default, with the reconciled resource's kind, namespace and name, and never a Secret's value.
 */
class StructuredLogsIT {
  static final Path JAR = Path.of("target/openshell-operator.jar");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  DevApiServer server;
  KubernetesClient client;
  Process operator;

  @BeforeEach
  void startServer() {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    server = DevApiServer.start(0);
    for (String crd : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(crd)));
    }
    client = server.newClient();
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.destroy();
      operator.waitFor(30, TimeUnit.SECONDS);
    }
    client.close();
    server.close();
  }

  @Test
  void theOperatorLogsJsonLinesNamingTheReconciledSandbox() throws Exception {
    Path log = startOperator(Map.of());
    client
        .secrets()
        .inNamespace("default")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("token")
                .withLabels(Map.of("openshell.io/provider-credentials", "true"))
                .endMetadata()
                .withStringData(Map.of("GITHUB_TOKEN", "never-logged-value"))
                .build())
        .create();
    client.resource(TestObjects.sandbox("default", "logged-box")).create();

    JsonNode delivered =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> jsonLines(log).stream().filter(this::deliveryOfLoggedBox).findFirst(),
                Optional::isPresent)
            .orElseThrow();

    assertThat(delivered.path("level").asText()).isEqualTo("INFO");
    assertThat(delivered.path("logger").asText())
        .isEqualTo("io.openshell.operator.sandbox.PolicyDelivery");
    assertThat(delivered.path("time").asText()).isNotBlank();
    assertThat(delivered.path("kind").asText()).isEqualTo("Sandbox");
    assertThat(delivered.path("namespace").asText()).isEqualTo("default");
    assertThat(delivered.path("name").asText()).isEqualTo("logged-box");
    // the event's key-values are fields too
    assertThat(delivered.path("hash").asText()).startsWith("sha256:");
    assertThat(Files.readString(log)).doesNotContain("never-logged-value");
  }

  @Test
  void theTextFormatIsOneReadableLinePerEvent() throws Exception {
    Path log = startOperator(Map.of("OPENSHELL_LOG_FORMAT", "text"));
    client.resource(TestObjects.sandbox("default", "text-box")).create();

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Files.readAllLines(log).stream()
                    .anyMatch(
                        l ->
                            l.contains(
                                "PolicyDelivery [Sandbox default/text-box]: effective policy"
                                    + " delivered")));
    assertThat(Files.readAllLines(log)).noneMatch(l -> l.startsWith("{"));
  }

  @Test
  void anUnknownLogFormatIsRefusedNamingTheVariable() throws Exception {
    Path log = startOperator(Map.of("OPENSHELL_LOG_FORMAT", "xml"));
    assertThat(operator.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(operator.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("OPENSHELL_LOG_FORMAT must be json or text, got xml");
  }

  @Test
  void anUnknownSidecarLogLevelIsRefusedAtStartUpNamingTheVariable() throws Exception {
    Path log = startOperator(Map.of("OPENSHELL_AGENT_LOG_LEVEL", "LOUD"));
    assertThat(operator.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(operator.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("OPENSHELL_AGENT_LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got LOUD");
  }

  private boolean deliveryOfLoggedBox(JsonNode line) {
    return line.path("message").asText().equals("effective policy delivered")
        && line.path("name").asText().equals("logged-box");
  }

  /** Every line of the log, each of which must be a JSON object. */
  private static List<JsonNode> jsonLines(Path log) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      JsonNode node = JSON.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      lines.add(node);
    }
    return lines;
  }

  private Path startOperator(Map<String, String> env) throws Exception {
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("kubeconfig"));
    Path log = tmp.resolve("operator.log");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString());
    pb.environment().remove("OPENSHELL_LOG_FORMAT");
    pb.environment()
        .putAll(
            Map.of(
                "KUBECONFIG", kubeconfig.toString(),
                "OPENSHELL_OPERATOR_NAMESPACE", "default",
                "OPENSHELL_HTTP_PORT", "0",
                "OPENSHELL_INSTALL_BUILTIN_PROFILES", "false"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    operator = pb.start();
    return log;
  }
}
