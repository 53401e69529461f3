package io.openshell.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar load-harness/target/load-harness.jar [options]",
          "  --sandboxes N[,N...]   sandbox counts, each on a fresh server+operator (100,1000)",
          "  --attach-samples K     sequential attaches per N (100)",
          "  --burst-samples K      attaches sent at once per N, 0 = skip (100)",
          "  --agents M             policy-agent processes at the largest N, 0 = skip (20)",
          "  --agent-samples K      attach → agent file samples over the M agents (100)",
          "  --operator-jar FILE    (operator/target/openshell-operator.jar)",
          "  --agent-jar FILE       (policy-agent/target/policy-agent.jar)",
          "  --operator-jvm \"OPTS\"  JVM options of the operator process (empty)",
          "  --work-dir DIR         kubeconfig, logs, agent files (load-harness/target/run)",
          "  --append-to FILE       append the Markdown section to FILE (e.g. docs/benchmarks.md)",
          "  --unindexed-api-server API server without its store index (to measure the index)",
          "  --operator-http2       operator client on HTTP/2 (one connection; default HTTP/1.1)");

  /** Parses the arguments; unknown options and bad values are errors naming the option. */
  public static HarnessOptions parse(String... args) {
    List<Integer> counts = List.of(100, 1000);
    int attach = 100;
    int burst = 100;
    int agents = 20;
    int agentSamples = 100;
    boolean indexed = true;
    boolean http2 = false;
    Path operatorJar = Path.of("operator", "target", "openshell-operator.jar");
    Path agentJar = Path.of("policy-agent", "target", "policy-agent.jar");
    String jvm = "";
    Path workDir = Path.of("load-harness", "target", "run");
    Optional<Path> appendTo = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--sandboxes" -> counts = counts(value(args, ++i, option), option);
        case "--attach-samples" -> attach = nonNegative(value(args, ++i, option), option);
        case "--burst-samples" -> burst = nonNegative(value(args, ++i, option), option);
        case "--agents" -> agents = nonNegative(value(args, ++i, option), option);
        case "--agent-samples" -> agentSamples = nonNegative(value(args, ++i, option), option);
        case "--unindexed-api-server" -> indexed = false;
        case "--operator-http2" -> http2 = true;
        case "--operator-jar" -> operatorJar = Path.of(value(args, ++i, option));
        case "--agent-jar" -> agentJar = Path.of(value(args, ++i, option));
        case "--operator-jvm" -> jvm = value(args, ++i, option);
        case "--work-dir" -> workDir = Path.of(value(args, ++i, option));
        case "--append-to" -> appendTo = Optional.of(Path.of(value(args, ++i, option)));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (attach == 0) {
      throw new IllegalArgumentException("--attach-samples must be at least 1");
    }
    return new HarnessOptions(
        counts,
        attach,
        burst,
        agents,
        agentSamples,
        operatorJar,
        agentJar,
        jvm,
        workDir,
        appendTo,
        indexed,
        http2);
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

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("missing value for " + option);
    }
    return args[i];
  }
}
