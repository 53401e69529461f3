package io.openshell.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Serves /healthz, /readyz, /metrics and /policy with the JDK's built-in HTTP server. */
final class AgentHttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final AgentState state;
  private final BooleanSupplier watchLoopAlive;

  private AgentHttpServer(HttpServer server, AgentState state, BooleanSupplier watchLoopAlive) {
    this.server = server;
    this.state = state;
    this.watchLoopAlive = watchLoopAlive;
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "agent-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/healthz", this::healthz);
    server.createContext("/readyz", this::readyz);
    server.createContext("/metrics", this::metrics);
    server.createContext("/policy", this::policy);
  }

  /** Binds {@code address:port} (port 0 picks a free one) and starts serving. */
  static AgentHttpServer start(
      String address, int port, AgentState state, BooleanSupplier watchLoopAlive)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
    AgentHttpServer agentServer = new AgentHttpServer(server, state, watchLoopAlive);
    server.start();
    return agentServer;
  }

  int port() {
    return server.getAddress().getPort();
  }

  // Liveness: only a dead watch loop warrants a restart. An API outage does not (a restart would
  // not bring the API back), so it shows in the body and in /metrics, not in the status code.
  private void healthz(HttpExchange exchange) throws IOException {
    boolean alive = watchLoopAlive.getAsBoolean();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", alive ? "ok" : "watch loop stopped");
    body.put("watch", state.snapshot().watch().name());
    send(exchange, alive ? 200 : 503, "application/json", JSON.writeValueAsString(body));
  }

  private void readyz(HttpExchange exchange) throws IOException {
    boolean ready = state.ready();
    send(
        exchange,
        ready ? 200 : 503,
        "text/plain; charset=utf-8",
        ready ? "ready\n" : "no policy yet\n");
  }

  private void metrics(HttpExchange exchange) throws IOException {
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", state.prometheusText());
  }

  private void policy(HttpExchange exchange) throws IOException {
    AgentState.Snapshot s = state.snapshot();
    Map<String, Object> body = new LinkedHashMap<>();
    PolicyVersion applied = s.applied();
    body.put("ready", applied != null);
    body.put("appliedHash", applied == null ? null : applied.policyHash());
    body.put("policySource", applied == null ? null : applied.policySource());
    body.put("sandboxGeneration", applied == null ? null : applied.sandboxGeneration());
    body.put("settingsGeneration", applied == null ? null : applied.settingsGeneration());
    body.put("providerEnvRevision", applied == null ? null : applied.providerEnvRevision());
    body.put("reportedHash", s.reportedHash());
    body.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
    body.put("lastError", s.lastError());
    body.put("lastErrorAt", s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
    body.put("watch", s.watch().name());
    send(exchange, 200, "application/json", JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
