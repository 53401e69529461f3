package io.openshell.plugin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.plugin.kube.ClientErrors;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import io.openshell.plugin.policy.PolicyCommand;
import io.openshell.plugin.profile.ConvertCommand;
import io.openshell.plugin.profile.ProfileCommand;
import io.openshell.plugin.sandbox.ProviderEditCommand;
import io.openshell.plugin.sandbox.ProvidersCommand;
import io.openshell.plugin.sandbox.StatusCommand;
import io.openshell.plugin.settings.SettingsCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
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
        "Manage OpenShell providers, provider profiles and sandbox policies on Kubernetes.",
    subcommands = {
      ProviderEditCommand.Attach.class,
      ProviderEditCommand.Detach.class,
      ProvidersCommand.class,
      PolicyCommand.class,
      ProfileCommand.class,
      ConvertCommand.class,
      SettingsCommand.class,
      StatusCommand.class,
      CompletionCommand.class
    })
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
    KubectlOpenShell root = new KubectlOpenShell(clientFactory, closeClient, clock);
    CommandLine cli = new CommandLine(root);
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
    ClosingJdkHttpClientFactory http = new ClosingJdkHttpClientFactory();
    int rc =
        commandLine(options -> Session.fromKubeconfig(options, http), true, Clock.systemUTC())
            .execute(args);
    // the client is closed; its selector threads would hold the JVM's exit for 300 ms
    http.shutdownAll();
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
