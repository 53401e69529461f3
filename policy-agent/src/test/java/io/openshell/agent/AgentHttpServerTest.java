package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentHttpServerTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean loopAlive = new AtomicBoolean(true);
  private AgentState state;
  private PolicyApplier applier;
  private AgentHttpServer server;

  @BeforeEach
  void setUp() throws IOException {
    state = new AgentState(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    applier = new PolicyApplier(new PolicyVerifier(), new PolicyFiles(dir), state, hash -> {});
    server = AgentHttpServer.start("127.0.0.1", 0, state, loopAlive::get);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void applyPolicy(int n) {
    applier.onConfigMap(
        Fixtures.data(Fixtures.policy(n), 7), Fixtures.annotations(Fixtures.policy(n)));
  }

  @Test
  void readyzIs503BeforeTheFirstPolicy() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void readyzIs200OnceAPolicyIsOnDisk() throws Exception {
    applyPolicy(1);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void healthzIs200WhileTheWatchLoopRuns() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void healthzIs503WhenTheWatchLoopHasStopped() throws Exception {
    loopAlive.set(false);
    assertThat(get("/healthz").statusCode()).isEqualTo(503);
  }

  @Test
  void policyShowsTheAppliedVersionAndTheLastError() throws Exception {
    applyPolicy(1);
    applier.onConfigMapMissing();
    HttpResponse<String> response = get("/policy");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("appliedHash").asText())
        .isEqualTo(PolicyVerifier.hashOf(Fixtures.policy(1)));
    assertThat(body.get("policySource").asText()).isEqualTo("Sandbox");
    assertThat(body.get("sandboxGeneration").asLong()).isEqualTo(7);
    assertThat(body.get("updatedAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(body.get("lastError").asText()).startsWith("configmap_missing: ");
    assertThat(body.get("ready").asBoolean()).isTrue();
  }

  @Test
  void policyShowsNullsBeforeTheFirstPolicy() throws Exception {
    JsonNode body = new ObjectMapper().readTree(get("/policy").body());
    assertThat(body.get("appliedHash").isNull()).isTrue();
    assertThat(body.get("ready").asBoolean()).isFalse();
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    applyPolicy(1);
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(response.body())
        .contains("# TYPE openshell_agent_policy_updates_applied_total counter\n")
        .contains("openshell_agent_policy_updates_applied_total 1\n")
        .contains("openshell_agent_watch_reconnects_total 0\n")
        .contains("openshell_agent_policy_ready 1\n")
        .contains("openshell_agent_last_applied_timestamp_seconds 1795428000.000\n")
        .contains("openshell_agent_seconds_since_last_event 0.000\n");
  }

  @Test
  void writeMethodsAreRefused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
  }
}
