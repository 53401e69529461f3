package io.openshell.operator.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Serves {@code POST /validate/<resource>} AdmissionReviews: HTTPS with the mounted certificate in
 * a cluster, plain HTTP only when no TLS context is given (tests, embedded mode).
 */
public final class WebhookServer implements AutoCloseable {
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;

  private WebhookServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code port} (0 = ephemeral). */
  public static WebhookServer start(
      int port, Optional<SSLContext> tls, AdmissionReviewHandler handler) throws IOException {
    HttpServer server;
    if (tls.isPresent()) {
      HttpsServer https = HttpsServer.create(new InetSocketAddress(port), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
      server = https;
    } else {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    }
    server.createContext("/validate/", exchange -> serve(exchange, handler));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.start();
    return new WebhookServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, AdmissionReviewHandler handler)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "only POST is served");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        reply(exchange, 413, "request too large");
        return;
      }
      String response;
      try {
        response = handler.handle(new String(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        reply(exchange, 400, "malformed AdmissionReview: " + e.getMessage());
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void reply(HttpExchange exchange, int code, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
