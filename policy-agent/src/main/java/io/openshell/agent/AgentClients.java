package io.openshell.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Builds the agent's Kubernetes client: retries belong to the agent's own loops, not the client.
 */
final class AgentClients {
  private AgentClients() {}

  /**
   * The client for {@code base} (in-cluster or kubeconfig settings) with the client's own retries
   * off: the watch loop re-lists with jittered backoff and the reporter retries its patch, so
   * fabric8's internal watch reconnects and request retries would only hide outages from them.
   */
  static KubernetesClient create(Config base) {
    Config config =
        new ConfigBuilder(base)
            .withWatchReconnectLimit(0)
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(10_000)
            .withRequestTimeout(30_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
