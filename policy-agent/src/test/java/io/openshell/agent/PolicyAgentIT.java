package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.openshell.policy.format.PolicyBundle;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class PolicyAgentIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;

  private KubernetesClient agentClient;
  private PolicyAgent agent;

  @BeforeEach
  void setUp() {
    agentClient = AgentClients.create(client.getConfiguration());
  }

  @AfterEach
  void tearDown() {
    if (agent != null) {
      agent.close();
    }
    agentClient.close();
  }

  private void startAgent() throws Exception {
    AgentConfig config =
        new AgentConfig(
            Fixtures.NAMESPACE,
            Fixtures.SANDBOX,
            Fixtures.CONFIGMAP,
            Fixtures.POD,
            dir.resolve("policy"),
            "127.0.0.1",
            0);
    agent = PolicyAgent.start(config, agentClient, Clock.systemUTC());
    // The mock ignores the watch's resourceVersion (it replays current objects as ADDED, never
    // history), so a delete between the agent's list and its watch would be lost there, unlike on
    // a real API server. Tests change things only once the watch is open.
    await()
        .atMost(PATIENCE)
        .until(() -> agent.state().snapshot().watch() == AgentState.WatchState.CONNECTED);
  }

  private Path policyFile() {
    return dir.resolve("policy/policy.yaml");
  }

  private String policyOnDisk() throws Exception {
    return Files.exists(policyFile()) ? Files.readString(policyFile()) : null;
  }

  private void createPod() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(Fixtures.POD)
            .withNamespace(Fixtures.NAMESPACE)
            .endMetadata()
            .build();
    client.pods().inNamespace(Fixtures.NAMESPACE).resource(pod).create();
  }

  private String podAnnotation() {
    Pod pod = client.pods().inNamespace(Fixtures.NAMESPACE).withName(Fixtures.POD).get();
    if (pod == null || pod.getMetadata().getAnnotations() == null) {
      return null;
    }
    return pod.getMetadata()
        .getAnnotations()
        .get(PolicyBundle.Names.APPLIED_POLICY_HASH_ANNOTATION);
  }

  private void put(ConfigMap configMap) {
    client
        .configMaps()
        .inNamespace(Fixtures.NAMESPACE)
        .resource(configMap)
        .createOr(c -> c.update());
  }

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void beforeTheConfigMapExistsNothingIsWrittenAndTheAgentIsNotReady() throws Exception {
    startAgent();
    await().atMost(PATIENCE).until(() -> agent.state().snapshot().lastError() != null);
    assertThat(agent.state().snapshot().lastError()).startsWith("configmap_missing: ");
    assertThat(dir.resolve("policy")).isEmptyDirectory();
    assertThat(status("/readyz")).isEqualTo(503);
  }

  @Test
  void theConfigMapsPolicyIsWrittenWhenItAppears() throws Exception {
    startAgent();
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    assertThat(dir.resolve("policy/metadata.json"))
        .hasContent(Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(1)), 1));
    assertThat(status("/readyz")).isEqualTo(200);
  }

  @Test
  void anUpdateToTheConfigMapReplacesThePolicyFile() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    put(Fixtures.configMap(Fixtures.policy(2), 2));
    await().atMost(PATIENCE).until(() -> Fixtures.policy(2).equals(policyOnDisk()));
  }

  @Test
  void aVersionWithAMismatchedHashIsRefusedAndTheLastGoodFileStays() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    put(Fixtures.configMapWithWrongAnnotation(Fixtures.policy(2), Fixtures.policy(3)));
    await().atMost(PATIENCE).until(() -> agent.state().snapshot().lastError() != null);
    assertThat(agent.state().snapshot().lastError()).startsWith("hash_mismatch: ");
    assertThat(policyOnDisk()).isEqualTo(Fixtures.policy(1));
    assertThat(status("/readyz")).isEqualTo(200);
  }

  @Test
  void aDeletedConfigMapLeavesTheLastGoodFileInPlace() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    client.configMaps().inNamespace(Fixtures.NAMESPACE).withName(Fixtures.CONFIGMAP).delete();
    await().atMost(PATIENCE).until(() -> agent.state().snapshot().lastError() != null);
    assertThat(agent.state().snapshot().lastError()).startsWith("configmap_missing: ");
    assertThat(policyOnDisk()).isEqualTo(Fixtures.policy(1));
  }

  @Test
  void otherConfigMapsInTheNamespaceAreIgnored() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    ConfigMap other = Fixtures.configMap(Fixtures.policy(2), 2);
    other.getMetadata().setName("openshell-policy-other");
    put(other);
    // A later change to our own ConfigMap proves the watch has processed the other one first.
    put(Fixtures.configMap(Fixtures.policy(3), 3));
    await().atMost(PATIENCE).until(() -> Fixtures.policy(3).equals(policyOnDisk()));
    assertThat(agent.state().snapshot().lastError()).isNull();
  }

  @Test
  void theAppliedHashIsPatchedOntoThePod() throws Exception {
    createPod();
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await()
        .atMost(PATIENCE)
        .until(() -> PolicyVerifier.hashOf(Fixtures.policy(1)).equals(podAnnotation()));
    put(Fixtures.configMap(Fixtures.policy(2), 2));
    await()
        .atMost(PATIENCE)
        .until(() -> PolicyVerifier.hashOf(Fixtures.policy(2)).equals(podAnnotation()));
  }

  @Test
  void theAppliedHashIsReportedOnceThePatchSucceedsAfterFailures() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    // No pod yet: the patch fails (404) and is retried with backoff.
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !agent
                    .state()
                    .prometheusText()
                    .contains("openshell_agent_applied_hash_report_failures_total 0\n"));
    createPod();
    await()
        .atMost(PATIENCE)
        .until(() -> PolicyVerifier.hashOf(Fixtures.policy(1)).equals(podAnnotation()));
  }

  @Test
  void everyConfigMapRequestSelectsTheOneConfigMapByName() throws Exception {
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
    List<String> configMapRequests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
      if (path.startsWith("/api/v1/namespaces/" + Fixtures.NAMESPACE + "/configmaps")
          && "GET".equals(request.getMethod())) {
        configMapRequests.add(path);
      }
    }
    // The test's own writes are POST/PUT; the agent's list and watch are GETs.
    assertThat(configMapRequests)
        .isNotEmpty()
        .allSatisfy(
            path -> assertThat(path).contains("fieldSelector=metadata.name=" + Fixtures.CONFIGMAP));
    assertThat(configMapRequests).anySatisfy(path -> assertThat(path).contains("watch=true"));
  }

  @Test
  void theAgentTouchesItsPodOnlyWithAMergePatchOfTheAnnotation() throws Exception {
    createPod();
    put(Fixtures.configMap(Fixtures.policy(1), 1));
    startAgent();
    // Await through the agent, not the pod: the test must not add pod requests of its own.
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                PolicyVerifier.hashOf(Fixtures.policy(1))
                    .equals(agent.state().snapshot().reportedHash()));
    agent.close();
    agent = null;
    List<RecordedRequest> podRequests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (request.getPath().contains("/pods") && !"POST".equals(request.getMethod())) {
        podRequests.add(request);
      }
    }
    // The test itself only created the pod (POST); everything else is the agent's.
    assertThat(podRequests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMethod()).isEqualTo("PATCH");
              assertThat(r.getPath())
                  .isEqualTo("/api/v1/namespaces/" + Fixtures.NAMESPACE + "/pods/" + Fixtures.POD);
              assertThat(r.getHeader("Content-Type")).startsWith("application/merge-patch+json");
            });
    // (the mock hands the body to its dispatcher, so the recorded copy is empty: check the result)
    assertThat(podAnnotation()).isEqualTo(PolicyVerifier.hashOf(Fixtures.policy(1)));
  }
}
