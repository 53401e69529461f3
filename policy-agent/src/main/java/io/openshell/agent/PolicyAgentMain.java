package io.openshell.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the policy-agent sidecar: configuration from the environment, runs until stopped.
 */
public final class PolicyAgentMain {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyAgentMain.class);

  private PolicyAgentMain() {}

  /** Runs the agent; exit code 2 when the environment is incomplete, 1 when it cannot start. */
  public static void main(String[] args) {
    AgentConfig config;
    try {
      config = AgentConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("policy-agent: " + e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = AgentClients.create(Config.autoConfigure(null));
    PolicyAgent agent;
    try {
      agent = PolicyAgent.start(config, client, Clock.systemUTC());
    } catch (Exception e) {
      LOG.error("policy-agent cannot start: {}", e.toString());
      client.close();
      System.exit(1);
      return;
    }
    LOG.info(
        "policy-agent started configMap={}/{} dir={} endpoints={}:{}",
        config.namespace(),
        config.configMapName(),
        config.policyDir(),
        config.bindAddress(),
        agent.httpPort());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  client.close();
                  stop.countDown();
                },
                "shutdown"));
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
