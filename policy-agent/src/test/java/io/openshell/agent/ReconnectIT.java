package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
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

/**
 * The API server goes away and comes back on the same address with the same data (one CRUD
 * dispatcher shared by the successive mock servers, as etcd outlives an API server restart).
 */
class ReconnectIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
  private final List<KubernetesMockServer> servers = new ArrayList<>();
  private final List<KubernetesClient> clients = new ArrayList<>();
  private KubernetesMockServer server;
  private int port;
  private PolicyAgent agent;
  private KubernetesClient agentClient;

  private KubernetesMockServer startServer(int onPort) throws Exception {
    KubernetesMockServer started = MockServers.start(onPort, store);
    servers.add(started);
    return started;
  }

  private KubernetesClient clientFor(KubernetesMockServer of) {
    KubernetesClient created = of.createClient();
    clients.add(created);
    return created;
  }

  private void put(KubernetesClient via, ConfigMap configMap) {
    via.configMaps().inNamespace(Fixtures.NAMESPACE).resource(configMap).createOr(c -> c.update());
  }

  private String policyOnDisk() throws Exception {
    Path file = dir.resolve("policy.yaml");
    return Files.exists(file) ? Files.readString(file) : null;
  }

  @BeforeEach
  void startAgentAgainstARunningServer() throws Exception {
    server = startServer(0);
    port = server.getPort();
    KubernetesClient client = clientFor(server);
    put(client, Fixtures.configMap(Fixtures.policy(1), 1));
    agentClient = AgentClients.create(client.getConfiguration());
    agent =
        PolicyAgent.start(
            new AgentConfig(
                Fixtures.NAMESPACE,
                Fixtures.SANDBOX,
                Fixtures.CONFIGMAP,
                Fixtures.POD,
                dir,
                "127.0.0.1",
                0),
            agentClient,
            Clock.systemUTC());
    await().atMost(PATIENCE).until(() -> Fixtures.policy(1).equals(policyOnDisk()));
  }

  @AfterEach
  void tearDown() {
    agent.close();
    agentClient.close();
    clients.forEach(KubernetesClient::close);
    servers.forEach(KubernetesMockServer::destroy);
  }

  private void stopServerAndAwaitTheAgentNoticing() {
    server.destroy();
    await()
        .atMost(PATIENCE)
        .until(() -> agent.state().snapshot().watch() == AgentState.WatchState.RECONNECTING);
  }

  @Test
  void anUpdateAfterTheApiServerRestartsReachesTheFile() throws Exception {
    stopServerAndAwaitTheAgentNoticing();
    assertThat(policyOnDisk()).isEqualTo(Fixtures.policy(1));
    assertThat(agent.state().ready()).isTrue();

    server = startServer(port);
    await()
        .atMost(PATIENCE)
        .until(() -> agent.state().snapshot().watch() == AgentState.WatchState.CONNECTED);
    put(clientFor(server), Fixtures.configMap(Fixtures.policy(2), 2));

    await().atMost(PATIENCE).until(() -> Fixtures.policy(2).equals(policyOnDisk()));
    assertThat(agent.state().prometheusText()).doesNotContain("watch_reconnects_total 0\n");
  }

  @Test
  void aChangeMadeWhileTheAgentWasDisconnectedIsPickedUpOnReconnect() throws Exception {
    stopServerAndAwaitTheAgentNoticing();
    // Write through a side door (another port, same store) while the agent's address is down.
    KubernetesMockServer sideDoor = startServer(0);
    put(clientFor(sideDoor), Fixtures.configMap(Fixtures.policy(2), 2));
    sideDoor.destroy();
    assertThat(policyOnDisk()).isEqualTo(Fixtures.policy(1));

    server = startServer(port);

    await().atMost(PATIENCE).until(() -> Fixtures.policy(2).equals(policyOnDisk()));
  }

  @Test
  void afterARestartTheAgentListsBeforeItWatches() throws Exception {
    stopServerAndAwaitTheAgentNoticing();
    server = startServer(port);
    await()
        .atMost(PATIENCE)
        .until(() -> agent.state().snapshot().watch() == AgentState.WatchState.CONNECTED);

    List<String> configMapGets = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
      if ("GET".equals(request.getMethod()) && path.contains("/configmaps")) {
        configMapGets.add(path);
      }
    }
    assertThat(configMapGets).isNotEmpty();
    assertThat(configMapGets.get(0)).doesNotContain("watch=true");
    assertThat(configMapGets).anySatisfy(path -> assertThat(path).contains("watch=true"));
  }
}
