package io.openshell.plugin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.plugin.kube.ClientErrors;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code kubectl openshell}: OpenShell's provider and policy CLI over the operator's resources. */
@Command(
    name = "kubectl-openshell",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = KubectlOpenShell.Version.class,
    description =
        "Manage OpenShell providers, provider profiles and sandbox policies on Kubernetes.")
public final class KubectlOpenShell implements Runnable {
  @Mixin KubeOptions kube;
  @Spec CommandSpec spec;

  private final Function<KubeOptions, KubernetesClient> clientFactory;
  private final boolean closeClient;
  private final Clock clock;
  private Session session;
  private Optional<String> server = Optional.empty();

  /**
   * @param clientFactory builds the client from kubectl's flags
   * @param closeClient whether the session owns (and closes) the client
   * @param clock time source for {@code --wait} deadlines and credential expiry
   */
  public KubectlOpenShell(
      Function<KubeOptions, KubernetesClient> clientFactory, boolean closeClient, Clock clock) {
    this.clientFactory = clientFactory;
    this.closeClient = closeClient;
    this.clock = clock;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  synchronized Session session() {
    if (session == null) {
      session = new Session(kube, clientFactory, closeClient, clock);
    }
    return session;
  }

  /**
   * A ready command line: exit 0 on success, 1 on a refused or failed operation, 2 on a usage
   * error.
   */
  public static CommandLine commandLine(
      Function<KubeOptions, KubernetesClient> clientFactory, boolean closeClient, Clock clock) {
    return commandLine(clientFactory, closeClient, clock, CommandTree::addAll);
  }

  /**
   * A command line for {@code args} only: the commands they can invoke (see {@link
   * CommandTree#addFor}); execute it with the same {@code args}.
   */
  public static CommandLine commandLineFor(
      String[] args,
      Function<KubeOptions, KubernetesClient> clientFactory,
      boolean closeClient,
      Clock clock) {
    return commandLine(clientFactory, closeClient, clock, cli -> CommandTree.addFor(cli, args));
  }

  private static CommandLine commandLine(
      Function<KubeOptions, KubernetesClient> clientFactory,
      boolean closeClient,
      Clock clock,
      Consumer<CommandLine> subcommands) {
    KubectlOpenShell root = new KubectlOpenShell(clientFactory, closeClient, clock);
    CommandLine cli = new CommandLine(root);
    // before the settings below: picocli applies them to the subcommands present at the time
    subcommands.accept(cli);
    // -o yaml, as kubectl spells it
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          report(ex, err, root.server);
          err.flush();
          return 1;
        });
    cli.setExecutionStrategy(
        parseResult -> {
          try {
            return new CommandLine.RunLast().execute(parseResult);
          } finally {
            if (root.session != null) {
              root.server = root.session.server();
              root.session.close();
              root.session = null;
            }
          }
        });
    return cli;
  }

  /** What failed, in words: never a stack trace, never a credential. */
  private static void report(Exception ex, PrintWriter err, Optional<String> server) {
    if (ex instanceof Refused r) {
      err.println(r.what());
      err.println(r.getMessage());
    } else {
      err.println("error: " + ClientErrors.describe(ex, server));
    }
  }

  public static void main(String[] args) {
    StartupTrace trace =
        StartupTrace.install(StartupTrace.fromEnvironment(System.getenv(), System.err));
    trace.mark("main");
    ClosingJdkHttpClientFactory http = new ClosingJdkHttpClientFactory();
    CommandLine cli =
        commandLineFor(
            args, options -> Session.forCommandProcess(options, http), true, Clock.systemUTC());
    trace.mark("command line built");
    int rc = cli.execute(args);
    trace.mark("command done, exit code " + rc);
    // the client is closed; its selector threads would hold the JVM's exit for 300 ms
    int stopped = http.shutdownAll();
    trace.mark("HTTP clients stopped: " + stopped);
    System.exit(rc);
  }

  /** Version from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in =
          KubectlOpenShell.class.getResourceAsStream("/kubectl-openshell.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kubectl-openshell " + p.getProperty("version", "unknown")};
    }
  }
}
