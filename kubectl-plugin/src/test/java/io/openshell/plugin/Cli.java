package io.openshell.plugin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/** Runs {@code kubectl-openshell} in-process against a test client, capturing stdout and stderr. */
public final class Cli {
  private final KubernetesClient client;

  /** Commands run through a client made as the CLI makes it, to {@code client}'s server. */
  public Cli(KubernetesClient client) {
    this.client = Session.newClient(client.getConfiguration(), new ClosingJdkHttpClientFactory());
  }

  /** The outcome of one invocation. */
  public record Run(int exitCode, String out, String err) {}

  public Run run(String... args) {
    CommandLine cli = KubectlOpenShell.commandLineFor(args, o -> client, false, Clock.systemUTC());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int rc = cli.execute(args);
    return new Run(rc, out.toString(), err.toString());
  }
}
