package io.openshell.devmode;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.CrdResources;
import io.openshell.devapi.CommandLines;
import io.openshell.devapi.DevApiServer;
import io.openshell.operator.OpenShellOperator;
import io.openshell.operator.OperatorClients;
import io.openshell.operator.OperatorConfig;
import io.openshell.operator.Shutdown;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The development launcher ({@code openshell-dev.jar}): a development API server (in memory, plain
 * HTTP on 127.0.0.1) with the OpenShell CRDs installed, a kubeconfig for kubectl, and the operator
 * running against it. For trying the product on a laptop; nothing is persisted. The production
 * operator jar contains none of this.
 */
public final class EmbeddedMode {
  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its level. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /** The log format variable the operator's logging configuration reads (json or text). */
  static final String LOG_FORMAT = "OPENSHELL_LOG_FORMAT";

  private EmbeddedMode() {}

  /**
   * Command-line options.
   *
   * @param port API server port ({@code --port}, default 18080, 0 = any free port)
   * @param kubeconfig where to write the kubeconfig ({@code --kubeconfig})
   * @param httpPort health/metrics port ({@code --http-port}, default 18081, 0 = any free port)
   */
  public record Options(int port, Path kubeconfig, int httpPort) {
    /**
     * Parses the arguments ({@code --embedded}, the old operator flag, is accepted and ignored); a
     * bad option or value is an error naming it, followed by the usage.
     */
    public static Options parse(String... args) {
      Cli cli = new Cli();
      CommandLines.parse(cli, args);
      return cli.options();
    }
  }

  @Command(
      name = "openshell-dev",
      description = {
        "Runs the OpenShell operator against an embedded, in-memory development",
        "API server: no authentication, no schema validation, nothing persisted.",
        "NOT for production."
      },
      footer = {
        "",
        "Environment: OPENSHELL_LOG_FORMAT (text here, json in the operator image),",
        "OPENSHELL_LOG_LEVEL (INFO), and the operator's variables (operator/README.md)."
      })
  static final class Cli {
    @Option(
        names = "--port",
        paramLabel = "N",
        defaultValue = "18080",
        description = "API server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
        names = "--http-port",
        paramLabel = "N",
        defaultValue = "18081",
        description = "operator health/metrics port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(
        names = "--kubeconfig",
        paramLabel = "FILE",
        defaultValue = ".kube/openshell-dev.yaml",
        description = "where to write the kubeconfig for kubectl (default: ${DEFAULT-VALUE})")
    Path kubeconfig;

    @Option(names = "--embedded", hidden = true, description = "accepted for compatibility")
    boolean embedded;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;

    Options options() {
      checkPort("--port", port);
      checkPort("--http-port", httpPort);
      return new Options(port, kubeconfig, httpPort);
    }

    private static void checkPort(String option, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
      }
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
    for (String resource : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(resource)));
    }
    server.writeKubeconfig(options.kubeconfig());
    KubernetesClient client = OperatorClients.create(server.clientConfig());
    OpenShellOperator operator =
        OpenShellOperator.start(client, config.withHttpPort(options.httpPort()), Clock.systemUTC());
    return new Running(server, client, operator);
  }

  public static void main(String[] args) throws InterruptedException {
    // human-readable logs on a terminal, unless the user asked for a format
    if (System.getenv(LOG_FORMAT) == null && System.getProperty(LOG_FORMAT) == null) {
      System.setProperty(LOG_FORMAT, "text");
    }
    Cli cli = new Cli();
    Options options;
    OperatorConfig config;
    try {
      CommandLine line = CommandLines.parse(cli, args);
      if (line.isUsageHelpRequested()) {
        line.usage(System.out);
        return;
      }
      options = cli.options();
      config = OperatorConfig.fromEnvironment().withNamespace("default");
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Running running = start(options, config);
    System.out.println(nextSteps(running, options));
    Shutdown.await(running::close);
  }

  /** What to run next: the README tour's first commands, with this run's kubeconfig. */
  static String nextSteps(Running running, Options options) {
    String kubeconfig = options.kubeconfig().toAbsolutePath().normalize().toString();
    return String.join(
        "\n",
        "",
        "OpenShell operator running in development mode (NOT for production)",
        "  API server:  " + running.server().url() + "  (in memory, no auth; Ctrl-C stops it)",
        "  kubeconfig:  " + kubeconfig,
        "  metrics:     http://127.0.0.1:" + running.operator().httpPort() + "/metrics",
        "",
        "Next, in another terminal from the repository root:",
        "  export KUBECONFIG=" + kubeconfig,
        "  export PATH=$PWD/kubectl-plugin/bin:$PATH",
        "  kubectl get providerprofiles",
        "  kubectl apply --validate=false -f examples/",
        "  kubectl openshell providers demo",
        "");
  }
}
