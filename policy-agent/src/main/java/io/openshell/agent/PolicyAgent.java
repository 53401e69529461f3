package io.openshell.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The assembled sidecar: files, verifier, reporter, watch loop and HTTP endpoints. */
final class PolicyAgent implements AutoCloseable {
  static final Duration BACKOFF_INITIAL = Duration.ofMillis(200);

  /**
   * Cap of the re-list delay: a single field-selected list is cheap, and the policy must be back
   * within a few seconds of the API server returning (a 30 s cap measured 24.6 s, reliability-2).
   */
  static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

  private final AgentState state;
  private final PodAnnotationReporter reporter;
  private final ConfigMapWatchLoop loop;
  private final AgentHttpServer http;

  private PolicyAgent(
      AgentState state,
      PodAnnotationReporter reporter,
      ConfigMapWatchLoop loop,
      AgentHttpServer http) {
    this.state = state;
    this.reporter = reporter;
    this.loop = loop;
    this.http = http;
  }

  /** Prepares the policy directory, starts the HTTP endpoints, then the watch loop. */
  static PolicyAgent start(AgentConfig config, KubernetesClient client, Clock clock)
      throws IOException {
    AgentState state = new AgentState(clock);
    PolicyFiles files = new PolicyFiles(config.policyDir());
    files.prepare();
    PodAnnotationReporter reporter =
        new PodAnnotationReporter(client, config.namespace(), config.podName(), state, backoff());
    PolicyApplier applier = new PolicyApplier(new PolicyVerifier(), files, state, reporter);
    files.consistentHashOnDisk().ifPresent(applier::resume);
    ConfigMapWatchLoop loop =
        new ConfigMapWatchLoop(
            client, config.namespace(), config.configMapName(), applier, state, backoff());
    AgentHttpServer http =
        AgentHttpServer.start(config.bindAddress(), config.port(), state, loop::alive);
    loop.start();
    return new PolicyAgent(state, reporter, loop, http);
  }

  private static Backoff backoff() {
    return new Backoff(
        BACKOFF_INITIAL, BACKOFF_MAX, () -> ThreadLocalRandom.current().nextDouble());
  }

  AgentState state() {
    return state;
  }

  int httpPort() {
    return http.port();
  }

  @Override
  public void close() {
    loop.close();
    reporter.close();
    http.close();
  }
}
