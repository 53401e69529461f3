package io.openshell.harness;

import io.openshell.devapi.CommandLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line options of the load harness.
 *
 * @param sandboxCounts the N values, each run against a fresh API server and operator
 * @param attachSamples K: sandboxes patched one after the other for the attach latency
 * @param burstSamples sandboxes patched all at once for the burst variant (0 = skip)
 * @param agents M: policy-agent processes started at the largest N (0 = skip)
 * @param agentSamples attach → agent file samples, taken round-robin over the M agents (each
 *     agent's sandbox alternately attached and detached)
 * @param operatorJar the operator's runnable jar
 * @param agentJar the policy-agent's runnable jar
 * @param operatorJvmOptions JVM options of the operator process (space separated)
 * @param workDir where kubeconfig, logs and agent policy directories go
 * @param appendTo a Markdown file to append the report section to, if any
 * @param indexedApiServer false runs the API server without its store index (before/after only)
 * @param operatorHttp2 let the operator's client speak HTTP/2 to the API server (one multiplexed
 *     connection, which the mock serves on a single thread); default HTTP/1.1
 */
public record HarnessOptions(
    List<Integer> sandboxCounts,
    int attachSamples,
    int burstSamples,
    int agents,
    int agentSamples,
    Path operatorJar,
    Path agentJar,
    String operatorJvmOptions,
    Path workDir,
    Optional<Path> appendTo,
    boolean indexedApiServer,
    boolean operatorHttp2) {

  /** The usage text, listing every option with its default. */
  static String usage() {
    return new CommandLine(new Cli()).getUsageMessage();
  }

  /** Parses the arguments; unknown options and bad values are errors naming the option. */
  public static HarnessOptions parse(String... args) {
    Cli cli = new Cli();
    CommandLines.parse(cli, args);
    int attach = nonNegative(cli.attachSamples, "--attach-samples");
    if (attach == 0) {
      throw new IllegalArgumentException("--attach-samples must be at least 1");
    }
    return new HarnessOptions(
        counts(cli.sandboxes, "--sandboxes"),
        attach,
        nonNegative(cli.burstSamples, "--burst-samples"),
        nonNegative(cli.agents, "--agents"),
        nonNegative(cli.agentSamples, "--agent-samples"),
        cli.operatorJar,
        cli.agentJar,
        cli.operatorJvm,
        cli.workDir,
        Optional.ofNullable(cli.appendTo),
        !cli.unindexedApiServer,
        cli.operatorHttp2);
  }

  /** Numbers are read as text so that a bad one is reported in this module's words. */
  @Command(
      name = "java -jar load-harness/target/load-harness.jar",
      description = "End-to-end operator load harness (see load-harness/README.md).")
  static final class Cli {
    @Option(
        names = "--sandboxes",
        paramLabel = "N[,N...]",
        defaultValue = "100,1000",
        description = "sandbox counts, each on a fresh server+operator (${DEFAULT-VALUE})")
    String sandboxes;

    @Option(
        names = "--attach-samples",
        paramLabel = "K",
        defaultValue = "100",
        description = "sequential attaches per N (${DEFAULT-VALUE})")
    String attachSamples;

    @Option(
        names = "--burst-samples",
        paramLabel = "K",
        defaultValue = "100",
        description = "attaches sent at once per N, 0 = skip (${DEFAULT-VALUE})")
    String burstSamples;

    @Option(
        names = "--agents",
        paramLabel = "M",
        defaultValue = "20",
        description = "policy-agent processes at the largest N, 0 = skip (${DEFAULT-VALUE})")
    String agents;

    @Option(
        names = "--agent-samples",
        paramLabel = "K",
        defaultValue = "100",
        description = "attach → agent file samples over the M agents (${DEFAULT-VALUE})")
    String agentSamples;

    @Option(
        names = "--unindexed-api-server",
        description = "API server without its store index (to measure the index)")
    boolean unindexedApiServer;

    @Option(
        names = "--operator-http2",
        description = "operator client on HTTP/2 (one connection; default HTTP/1.1)")
    boolean operatorHttp2;

    @Option(
        names = "--operator-jar",
        paramLabel = "FILE",
        defaultValue = "operator/target/openshell-operator.jar",
        description = "the operator's jar (${DEFAULT-VALUE})")
    Path operatorJar;

    @Option(
        names = "--agent-jar",
        paramLabel = "FILE",
        defaultValue = "policy-agent/target/policy-agent.jar",
        description = "the policy agent's jar (${DEFAULT-VALUE})")
    Path agentJar;

    @Option(
        names = "--operator-jvm",
        paramLabel = "OPTS",
        defaultValue = "",
        description = "JVM options of the operator process, space separated (none)")
    String operatorJvm;

    @Option(
        names = "--work-dir",
        paramLabel = "DIR",
        defaultValue = "load-harness/target/run",
        description = "kubeconfig, logs, agent files (${DEFAULT-VALUE})")
    Path workDir;

    @Option(
        names = "--append-to",
        paramLabel = "FILE",
        description = "append the Markdown section to FILE (e.g. docs/benchmarks.md)")
    Path appendTo;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  /** The largest N: the run at which the agents are started. */
  public int largestCount() {
    return sandboxCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static List<Integer> counts(String text, String option) {
    List<Integer> counts = new ArrayList<>();
    for (String part : text.split(",")) {
      int n = nonNegative(part.trim(), option);
      if (n == 0) {
        throw new IllegalArgumentException(option + " values must be at least 1");
      }
      counts.add(n);
    }
    return List.copyOf(counts);
  }

  private static int nonNegative(String text, String option) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw new IllegalArgumentException(option + " must not be negative: " + text);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + text);
    }
  }
}
