package io.openshell.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The API server the suite runs against, shared by every test class in the JVM.
 *
 * <p>By default it launches the development launcher (dev-mode) as a separate process (an in-memory
 * development API server plus the operator). With {@code OPENSHELL_E2E_KUBECONFIG} set, the suite
 * runs against that cluster instead; the operator is then expected to be installed (Helm chart)
 * unless {@code OPENSHELL_E2E_START_OPERATOR=true}, which starts it as a local process.
 */
final class E2eCluster {
  private static E2eCluster instance;

  private final Path kubeconfig;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final KubernetesClient client;
  private final boolean embedded;

  private E2eCluster(Path kubeconfig, boolean embedded, List<ManagedProcess> started) {
    this.kubeconfig = kubeconfig;
    this.embedded = embedded;
    this.processes.addAll(started);
    this.client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(kubeconfig.toFile()))
            .build();
  }

  static synchronized E2eCluster get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance;
  }

  private static E2eCluster start() {
    String external = System.getenv("OPENSHELL_E2E_KUBECONFIG");
    List<ManagedProcess> started = new ArrayList<>();
    if (external != null && !external.isBlank()) {
      Path kc = Path.of(external);
      if (Boolean.parseBoolean(System.getenv("OPENSHELL_E2E_START_OPERATOR"))) {
        started.add(
            ManagedProcess.start(
                "operator",
                List.of(
                    Repo.java(), "-jar", Repo.jar("operator", "openshell-operator.jar").toString()),
                Map.of("KUBECONFIG", kc.toString())));
      }
      E2eCluster cluster = new E2eCluster(kc, false, started);
      cluster.awaitBuiltinProfiles();
      return cluster;
    }
    int port = freePort();
    Path kc = Repo.workDir().resolve("kubeconfig-" + port + ".yaml");
    ManagedProcess operator =
        ManagedProcess.start(
            "operator-embedded",
            List.of(
                Repo.java(),
                "-jar",
                Repo.jar("dev-mode", "openshell-dev.jar").toString(),
                "--port",
                Integer.toString(port),
                "--kubeconfig",
                kc.toString(),
                "--http-port",
                Integer.toString(freePort())),
            Map.of());
    started.add(operator);
    Awaitility.await("embedded API server writes its kubeconfig")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .failFast(() -> !operator.isAlive())
        .until(() -> Files.exists(kc) && Files.size(kc) > 0);
    E2eCluster cluster = new E2eCluster(kc, true, started);
    cluster.awaitBuiltinProfiles();
    return cluster;
  }

  private void awaitBuiltinProfiles() {
    Awaitility.await("the operator creates the 13 built-in profiles")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                client
                        .genericKubernetesResources("openshell.io/v1alpha1", "ProviderProfile")
                        .withLabel("openshell.io/source", "builtin")
                        .list()
                        .getItems()
                        .size()
                    == 13);
  }

  boolean embedded() {
    return embedded;
  }

  KubernetesClient client() {
    return client;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The process output of everything the suite started, for failure messages. */
  String logs() {
    StringBuilder sb = new StringBuilder();
    for (ManagedProcess p : processes) {
      String out = p.output();
      sb.append("=== ").append(p.name()).append('\n');
      sb.append(out, Math.max(0, out.length() - 6000), out.length());
    }
    return sb.toString();
  }

  /** Real kubectl against this cluster. */
  CommandResult kubectl(String stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Tools.kubectl());
    cmd.add("--kubeconfig");
    cmd.add(kubeconfig.toString());
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Map.of(), stdin);
  }

  /** {@code kubectl openshell ...}: the plugin's launcher found by kubectl on PATH. */
  CommandResult plugin(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Tools.kubectl());
    cmd.add("openshell");
    cmd.add("--kubeconfig");
    cmd.add(kubeconfig.toString());
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Tools.pluginEnvironment(), null);
  }

  /** Starts a policy agent for {@code namespace/sandbox} writing into {@code dir}. */
  ManagedProcess startAgent(String namespace, String sandbox, Path dir, int port) {
    ManagedProcess agent =
        ManagedProcess.start(
            "agent-" + namespace + "-" + sandbox,
            List.of(Repo.java(), "-jar", Repo.jar("policy-agent", "policy-agent.jar").toString()),
            Map.of(
                "KUBECONFIG",
                kubeconfig.toString(),
                "OPENSHELL_NAMESPACE",
                namespace,
                "OPENSHELL_SANDBOX",
                sandbox,
                "POD_NAME",
                sandbox,
                "OPENSHELL_POLICY_DIR",
                dir.toString(),
                "OPENSHELL_AGENT_PORT",
                Integer.toString(port)));
    processes.add(agent);
    return agent;
  }

  void close() {
    client.close();
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
