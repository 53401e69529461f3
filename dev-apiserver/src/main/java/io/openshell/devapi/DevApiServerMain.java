package io.openshell.devapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

/**
 * Runs a {@link DevApiServer} until the process is killed: {@code --port 18080 --kubeconfig
 * .kube/openshell-dev.yaml [--crds <dir>]...}.
 */
public final class DevApiServerMain {

  /** Parsed command line. */
  record Options(int port, Path kubeconfig, List<Path> crdDirectories) {

    static Options parse(String... args) {
      int port = 18080;
      Path kubeconfig = Path.of(".kube", "openshell-dev.yaml");
      List<Path> crds = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          throw new IllegalArgumentException(USAGE);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + arg + "\n" + USAGE);
        }
        String value = args[++i];
        switch (arg) {
          case "--port" -> port = parsePort(value);
          case "--kubeconfig" -> kubeconfig = Path.of(value);
          case "--crds" -> crds.add(Path.of(value));
          default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
        }
      }
      return new Options(port, kubeconfig, List.copyOf(crds));
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("--port must be 0..65535, got " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, got " + value, e);
      }
    }
  }

  static final String USAGE =
      "usage: DevApiServerMain [--port 18080] [--kubeconfig .kube/openshell-dev.yaml]"
          + " [--crds <directory>]...";

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private DevApiServerMain() {}

  /** Starts the server, writes the kubeconfig, installs CRDs, then blocks until killed. */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // The mock web server logs every request at INFO through java.util.logging.
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
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
