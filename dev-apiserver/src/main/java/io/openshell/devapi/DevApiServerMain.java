package io.openshell.devapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a {@link DevApiServer} until the process is killed: {@code --port 18080 --kubeconfig
 * .kube/openshell-dev.yaml [--crds <dir>]...}.
 */
public final class DevApiServerMain {

  /** Parsed command line. */
  record Options(int port, Path kubeconfig, List<Path> crdDirectories) {

    /** Parses the arguments; a bad option or value is an error naming it, followed by the usage. */
    static Options parse(String... args) {
      Cli cli = new Cli();
      CommandLine line = CommandLines.parse(cli, args);
      if (line.isUsageHelpRequested()) {
        throw new IllegalArgumentException(line.getUsageMessage());
      }
      if (cli.port < 0 || cli.port > 65535) {
        throw new IllegalArgumentException("--port must be 0..65535, got " + cli.port);
      }
      return new Options(cli.port, cli.kubeconfig, List.copyOf(cli.crds));
    }
  }

  @Command(
      name = "dev-apiserver",
      description = "In-memory development Kubernetes API server (NOT for production).")
  static final class Cli {
    @Option(
        names = "--port",
        paramLabel = "N",
        defaultValue = "18080",
        description = "API server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
        names = "--kubeconfig",
        paramLabel = "FILE",
        defaultValue = ".kube/openshell-dev.yaml",
        description = "where to write the kubeconfig (default: ${DEFAULT-VALUE})")
    Path kubeconfig;

    @Option(
        names = "--crds",
        paramLabel = "DIR",
        description = "install every CRD of the *.yaml/*.yml files in DIR (repeatable)")
    List<Path> crds = new ArrayList<>();

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private DevApiServerMain() {}

  /** Starts the server, writes the kubeconfig, installs CRDs, then blocks until killed. */
  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(new CommandLine(new Cli()).getUsageMessage());
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    DevApiServer server = DevApiServer.start(options.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "dev-apiserver-shutdown"));
    for (Path dir : options.crdDirectories()) {
      System.out.println(
          "installed " + server.installCrds(dir).size() + " CRD(s) from " + dir.toAbsolutePath());
    }
    Path kubeconfig = server.writeKubeconfig(options.kubeconfig());
    System.out.println("openshell development API server (in-memory, NOT for production)");
    System.out.println("  listening on " + server.url());
    System.out.println("  kubeconfig:  " + kubeconfig.toAbsolutePath());
    System.out.println("  try:         kubectl --kubeconfig " + kubeconfig + " get namespaces");
    stopped.await();
  }
}
