package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.openshell.policy.format.PolicyBundle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, started as the container would start it, against the mock API server. */
class PolicyAgentJarIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Path JAR = Path.of("target/policy-agent.jar");

  @TempDir Path dir;

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Process agent;

  @AfterEach
  void tearDown() throws InterruptedException {
    if (agent != null) {
      agent.destroy();
      agent.waitFor(10, TimeUnit.SECONDS);
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private ProcessBuilder java(Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toAbsolutePath().toString());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("OPENSHELL_") || k.startsWith("KUBE"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("agent.log").toFile());
    return builder;
  }

  private static int status(int port, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Test
  void theJarWritesThePolicyBecomesReadyAndAnnotatesItsPod() throws Exception {
    startServerWithPolicy();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(Fixtures.POD)
            .withNamespace(Fixtures.NAMESPACE)
            .endMetadata()
            .build();
    client.pods().inNamespace(Fixtures.NAMESPACE).resource(pod).create();
    int port = freePort();

    agent = java(sidecarEnv(port)).start();

    await().atMost(PATIENCE).until(() -> status(port, "/readyz") == 200);
    assertThat(dir.resolve("policy/policy.yaml")).hasContent(Fixtures.policy(1));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                PolicyVerifier.hashOf(Fixtures.policy(1))
                    .equals(
                        client
                            .pods()
                            .inNamespace(Fixtures.NAMESPACE)
                            .withName(Fixtures.POD)
                            .get()
                            .getMetadata()
                            .getAnnotations()
                            .get(PolicyBundle.Names.APPLIED_POLICY_HASH_ANNOTATION)));
    assertThat(status(port, "/healthz")).isEqualTo(200);
    // JSON lines by default
    assertThat(Files.readAllLines(dir.resolve("agent.log")))
        .filteredOn(l -> l.contains("policy-agent started"))
        .singleElement()
        .satisfies(
            l -> {
              JsonNode line = new ObjectMapper().readTree(l);
              assertThat(line.path("level").asText()).isEqualTo("INFO");
              assertThat(line.path("logger").asText()).isEqualTo(PolicyAgentMain.class.getName());
            });
  }

  @Test
  void theJarLogsTextLinesAtTheLevelItIsGiven() throws Exception {
    startServerWithPolicy();
    // no pod: reporting the applied hash fails, which is a warning
    int port = freePort();
    Map<String, String> env = sidecarEnv(port);
    env.put("OPENSHELL_LOG_FORMAT", "text");
    env.put("OPENSHELL_LOG_LEVEL", "WARN");

    agent = java(env).start();

    await().atMost(PATIENCE).until(() -> status(port, "/readyz") == 200);
    Path log = dir.resolve("agent.log");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Files.readAllLines(log).stream()
                    .anyMatch(
                        l ->
                            l.contains(
                                " WARN  PodAnnotationReporter: cannot report applied hash pod=")));
    // the policy was applied and the agent started, both at INFO: below the level
    assertThat(Files.readAllLines(log))
        .noneMatch(l -> l.startsWith("{"))
        .noneMatch(l -> l.contains(" INFO "));
  }

  @Test
  void theJarExitsWithCode2AndNamesTheMissingAndBadVariables() throws Exception {
    agent = java(Map.of("OPENSHELL_LOG_LEVEL", "LOUD")).start();
    assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(agent.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("agent.log")))
        .contains("OPENSHELL_NAMESPACE is required")
        .contains("POD_NAME is required")
        .contains("OPENSHELL_LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got LOUD");
  }

  /** The mock API server holding the sandbox's policy ConfigMap. */
  private void startServerWithPolicy() throws IOException {
    server = MockServers.start(0, new KubernetesCrudDispatcher());
    client = server.createClient();
    client
        .configMaps()
        .inNamespace(Fixtures.NAMESPACE)
        .resource(Fixtures.configMap(Fixtures.policy(1), 1))
        .create();
  }

  /** What the operator gives the sidecar, against the mock server, without the log variables. */
  private Map<String, String> sidecarEnv(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBERNETES_MASTER", "http://127.0.0.1:" + server.getPort());
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    env.put("OPENSHELL_NAMESPACE", Fixtures.NAMESPACE);
    env.put("OPENSHELL_SANDBOX", Fixtures.SANDBOX);
    env.put("POD_NAME", Fixtures.POD);
    env.put("OPENSHELL_POLICY_DIR", dir.resolve("policy").toString());
    env.put("OPENSHELL_AGENT_PORT", Integer.toString(port));
    return env;
  }
}
