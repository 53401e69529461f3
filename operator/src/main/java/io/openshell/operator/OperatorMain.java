package io.openshell.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.operator.webhook.WebhookBootstrap;
import io.openshell.operator.webhook.WebhookServer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point. Without arguments: runs against the cluster of the current kubeconfig or in-cluster
 * service account. {@code --embedded}: starts a local development API server first (see {@link
 * EmbeddedMode}).
 */
public final class OperatorMain {
  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(
          "usage: openshell-operator [--embedded [--port N] [--kubeconfig FILE]]\n"
              + "  (no option)   run against the current kubeconfig / in-cluster config\n"
              + "  --embedded    start a local development API server and run against it");
      return;
    }
    if (Arrays.asList(args).contains("--embedded")) {
      EmbeddedMode.run(EmbeddedMode.Options.parse(args));
      return;
    }
    KubernetesClient client = OperatorClients.create();
    OpenShellOperator operator =
        OpenShellOperator.start(client, OperatorConfig.fromEnvironment(), Clock.systemUTC());
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
