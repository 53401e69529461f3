package io.openshell.operator.webhook;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.resolve.SandboxInputsResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the admission webhook from the operator's environment: {@code OPENSHELL_WEBHOOK_ENABLED}
 * (default false), {@code OPENSHELL_WEBHOOK_PORT} (9443), {@code OPENSHELL_WEBHOOK_CERT_DIR}
 * ({@code tls.crt}/{@code tls.key}; without them the webhook serves plain HTTP, which only a local
 * development setup should do) and {@code OPENSHELL_OPERATOR_USERNAME} (the operator's own
 * identity, allowed to restore built-in profiles; defaults to the ServiceAccount of {@code
 * POD_NAMESPACE}/{@code OPENSHELL_SERVICE_ACCOUNT}).
 */
public final class WebhookBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookBootstrap.class);

  private WebhookBootstrap() {}

  /** The running webhook, or empty when it is disabled. */
  public static Optional<WebhookServer> start(
      Map<String, String> env, KubernetesClient client, Clock clock)
      throws IOException, GeneralSecurityException {
    if (!Boolean.parseBoolean(env.getOrDefault("OPENSHELL_WEBHOOK_ENABLED", "false"))) {
      return Optional.empty();
    }
    int port = Integer.parseInt(env.getOrDefault("OPENSHELL_WEBHOOK_PORT", "9443"));
    Optional<SSLContext> tls = Optional.empty();
    String certDir = env.get("OPENSHELL_WEBHOOK_CERT_DIR");
    if (certDir != null && Files.exists(Path.of(certDir, "tls.crt"))) {
      tls = Optional.of(PemTls.fromDirectory(Path.of(certDir)));
    } else {
      LOG.warn("webhook certificate not found; serving plain HTTP certDir={}", certDir);
    }
    AdmissionValidator validator =
        new AdmissionValidator(
            new ClientAdmissionLookups(client), new SandboxInputsResolver(clock), username(env));
    WebhookServer server = WebhookServer.start(port, tls, new AdmissionReviewHandler(validator));
    LOG.info("admission webhook serving port={} tls={}", server.port(), tls.isPresent());
    return Optional.of(server);
  }

  static String username(Map<String, String> env) {
    String explicit = env.get("OPENSHELL_OPERATOR_USERNAME");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    return "system:serviceaccount:"
        + env.getOrDefault("POD_NAMESPACE", "openshell-system")
        + ":"
        + env.getOrDefault("OPENSHELL_SERVICE_ACCOUNT", "openshell-operator");
  }
}
