package io.openshell.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.devapi.DevApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;

/**
 * {@code --embedded}: a development API server (in memory, plain HTTP on 127.0.0.1) with the
 * OpenShell CRDs installed, a kubeconfig for kubectl, and the operator running against it. For
 * trying the product on a laptop; nothing is persisted.
 */
public final class EmbeddedMode {
  /** The generated CRDs, as the crds module puts them on the classpath. */
  public static final List<String> CRD_RESOURCES =
      List.of(
          "META-INF/fabric8/providerprofiles.openshell.io-v1.yml",
          "META-INF/fabric8/providers.openshell.io-v1.yml",
          "META-INF/fabric8/sandboxes.openshell.io-v1.yml",
          "META-INF/fabric8/openshellsettings.openshell.io-v1.yml");

  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its level. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private EmbeddedMode() {}

  /**
   * Command-line options of embedded mode.
   *
   * @param port API server port ({@code --port}, default 18080)
   * @param kubeconfig where to write the kubeconfig ({@code --kubeconfig})
   * @param httpPort health/metrics port ({@code --http-port}, default 18081)
   */
  public record Options(int port, Path kubeconfig, int httpPort) {
    /** Parses {@code --embedded [--port N] [--kubeconfig FILE] [--http-port N]}. */
    public static Options parse(String... args) {
      int port = 18080;
      int httpPort = 18081;
      Path kubeconfig = Path.of(".kube", "openshell-dev.yaml");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--embedded" -> {}
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--http-port" -> httpPort = Integer.parseInt(value(args, ++i, "--http-port"));
          case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, "--kubeconfig"));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(port, kubeconfig, httpPort);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      return args[i];
    }
  }

  /** A started embedded environment. */
  public record Running(DevApiServer server, KubernetesClient client, OpenShellOperator operator)
      implements AutoCloseable {
    @Override
    public void close() {
      operator.close();
      client.close();
      server.close();
    }
  }

  /** Starts the API server, installs the CRDs, writes the kubeconfig and starts the operator. */
  public static Running start(Options options, OperatorConfig config) {
    // The mock web server logs every request at INFO through java.util.logging.
    MOCK_LOG.setLevel(Level.WARNING);
    DevApiServer server = DevApiServer.start(options.port());
    for (String resource : CRD_RESOURCES) {
      try (InputStream in = EmbeddedMode.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("CRD not on the classpath: " + resource);
        }
        server.installCrds(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    server.writeKubeconfig(options.kubeconfig());
    KubernetesClient client = OperatorClients.create(server.clientConfig());
    OpenShellOperator operator =
        OpenShellOperator.start(client, config.withHttpPort(options.httpPort()), Clock.systemUTC());
    return new Running(server, client, operator);
  }

  /** Runs until the process is stopped (Ctrl-C). */
  static void run(Options options) throws InterruptedException {
    OperatorConfig config = OperatorConfig.fromEnvironment().withNamespace("default");
    Running running = start(options, config);
    System.out.println(nextSteps(running, options));
    Shutdown.await(running::close);
  }

  static String nextSteps(Running running, Options options) {
    String kubeconfig = options.kubeconfig().toAbsolutePath().toString();
    return String.join(
        "\n",
        "",
        "OpenShell operator running in embedded mode",
        "  API server:  " + running.server().url() + "  (in memory, no auth; Ctrl-C stops it)",
        "  kubeconfig:  " + kubeconfig,
        "  metrics:     http://127.0.0.1:" + running.operator().httpPort() + "/metrics",
        "",
        "Try next, in another terminal from the repository root:",
        "  export KUBECONFIG=" + kubeconfig,
        "  kubectl get providerprofiles",
        "  kubectl apply --validate=false -f examples/",
        "  kubectl get sandboxes",
        "  kubectl get cm openshell-policy-demo -o jsonpath='{.data.policy\\.yaml}'",
        "");
  }
}
