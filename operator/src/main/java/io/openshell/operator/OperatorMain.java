package io.openshell.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.operator.webhook.WebhookBootstrap;
import io.openshell.operator.webhook.WebhookServer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point: runs against the cluster of the current kubeconfig or in-cluster service account.
 * The development launcher with an embedded API server is the {@code dev-mode} module.
 */
public final class OperatorMain {
  /** {@code --help}: the operator takes no options; it is configured by its environment. */
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar openshell-operator.jar [-h|--help]",
          "Runs the OpenShell operator against the cluster of the current kubeconfig, or the",
          "in-cluster service account. Configured by environment variables (operator/README.md):",
          "  OPENSHELL_OPERATOR_NAMESPACE        lease namespace (openshell-system)",
          "  OPENSHELL_AGENT_IMAGE               policy-agent sidecar image",
          "  OPENSHELL_HTTP_PORT                 /healthz, /readyz, /metrics port (8080)",
          "  OPENSHELL_LEADER_ELECTION           take a Lease before reconciling (false)",
          "  OPENSHELL_LEASE_NAME                the Lease's name (openshell-operator-lease)",
          "  OPENSHELL_INSTALL_BUILTIN_PROFILES  create and guard the built-in profiles (true)",
          "  OPENSHELL_IN_USE_RECHECK_SECONDS    re-check of a delete blocked while in use (30)",
          "  OPENSHELL_WEBHOOK_ENABLED           serve the admission webhook (false)",
          "  OPENSHELL_WEBHOOK_PORT              webhook port (9443)",
          "  OPENSHELL_WEBHOOK_CERT_DIR          directory with tls.crt and tls.key",
          "  OPENSHELL_OPERATOR_USERNAME         the operator's own identity for the webhook",
          "  OPENSHELL_SERVICE_ACCOUNT           its ServiceAccount, when no username is given",
          "  OPENSHELL_LOG_FORMAT                json (default) or text",
          "  OPENSHELL_LOG_LEVEL                 INFO (default), TRACE, DEBUG, WARN, ERROR",
          "  OPENSHELL_AGENT_LOG_FORMAT          the sidecar's format (the operator's)",
          "  OPENSHELL_AGENT_LOG_LEVEL           the sidecar's level (the operator's)",
          "To try it without a cluster: java -jar dev-mode/target/openshell-dev.jar --help",
          "");

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    OperatorConfig config;
    try {
      // before anything logs: logback.xml picks its appender by OPENSHELL_LOG_FORMAT, and any other
      // value would log nothing
      config = OperatorConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (args.length > 0) {
      // --embedded moved to the development launcher (dev-mode/target/openshell-dev.jar)
      System.err.print("unknown option " + args[0] + "\n" + USAGE);
      System.exit(2);
      return;
    }
    KubernetesClient client = OperatorClients.create();
    OpenShellOperator operator = OpenShellOperator.start(client, config, Clock.systemUTC());
    // The webhook serves on every replica (admission must not depend on who holds the lease).
    Optional<WebhookServer> webhook =
        WebhookBootstrap.start(System.getenv(), client, Clock.systemUTC());
    Shutdown.await(
        () -> {
          webhook.ifPresent(WebhookServer::close);
          operator.close();
          client.close();
        });
  }
}
