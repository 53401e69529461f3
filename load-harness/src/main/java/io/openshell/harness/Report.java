package io.openshell.harness;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The harness's figures as a Markdown table plus the comparison against the targets. */
final class Report {
  static final double ATTACH_P99_TARGET_MS = 200;
  static final double FANOUT_TARGET_S = 5;
  static final double FANOUT_10K_TARGET_S = 30;
  static final double HEAP_TARGET_MIB = 512;
  static final double AGENT_P99_TARGET_MS = 1000;

  /** Figures of one N. */
  static final class Run {
    final int sandboxes;
    String operatorJvm = "";
    double settleSeconds;
    long heapAfterSettleBytes;
    long rssAfterSettleBytes;
    long heapAtEndBytes;
    LatencyStats attachSequential;
    LatencyStats attachBurst;
    double burstTotalSeconds;
    double fanOutSeconds;
    double fanOutOperatorCpuSeconds;
    double fanOutHarnessCpuSeconds;
    Map<String, String> fanOutMetrics = Map.of();
    Map<String, String> operatorMetrics = Map.of();
    LatencyStats agentFile;
    LatencyStats agentDetach;
    boolean indexedApiServer = true;
    boolean operatorHttp2;
    ApiRequests settleRequests = ApiRequests.NONE;
    ApiRequests attachRequests = ApiRequests.NONE;
    ApiRequests burstRequests = ApiRequests.NONE;
    ApiRequests fanOutRequests = ApiRequests.NONE;
    ApiRequests noOpRequests = ApiRequests.NONE;
    int noOpSamples;
    ApiRequests restartRequests = ApiRequests.NONE;
    double restartSeconds;
    String operatorLog = "";
    final String loadAverage = Machine.loadAverage();

    Run(int sandboxes) {
      this.sandboxes = sandboxes;
    }
  }

  private final String arguments;
  private final String machine;
  private final String startedAt =
      ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
  private final List<Run> runs = new ArrayList<>();

  Report(String arguments, String machine) {
    this.arguments = arguments;
    this.machine = machine;
  }

  void add(Run run) {
    runs.add(run);
  }

  String table() {
    StringBuilder b = new StringBuilder();
    b.append("| measurement | ");
    runs.forEach(r -> b.append("N = ").append(r.sandboxes).append(" | "));
    b.append("target |\n|---|");
    runs.forEach(r -> b.append("---|"));
    b.append("---|\n");
    row(
        b,
        "create N + settle (every ConfigMap exists)",
        r -> "%.1f s".formatted(r.settleSeconds),
        "–");
    row(b, "attach, sequential: samples", r -> count(r.attachSequential), "–");
    row(b, "attach, sequential: p50", r -> p50(r.attachSequential), "–");
    row(b, "attach, sequential: p99", r -> p99(r.attachSequential), "≤ 200 ms");
    row(b, "attach, sequential: max", r -> max(r.attachSequential), "–");
    row(b, "attach, burst: samples", r -> count(r.attachBurst), "–");
    row(b, "attach, burst: p50", r -> p50(r.attachBurst), "–");
    row(b, "attach, burst: p99", r -> p99(r.attachBurst), "–");
    row(b, "attach, burst: max (= last of the burst)", r -> max(r.attachBurst), "–");
    row(
        b,
        "profile update fan-out to all N ConfigMaps",
        r -> "%.2f s".formatted(r.fanOutSeconds),
        "≤ 5 s at N = 1,000; ≤ 30 s at N = 10,000");
    row(
        b,
        "fan-out CPU per sandbox: operator process / harness process (API server + watchers)",
        r ->
            "%.2f ms / %.2f ms"
                .formatted(
                    r.fanOutOperatorCpuSeconds * 1000 / r.sandboxes,
                    r.fanOutHarnessCpuSeconds * 1000 / r.sandboxes),
        "operator ≤ 1 ms");
    row(
        b,
        "API writes / reads per sequential attach (operator's)",
        r -> perSample(r.attachRequests, r.attachSequential),
        "1 ConfigMap + 1 Sandbox status write");
    row(
        b,
        "API writes / reads per burst attach (operator's)",
        r -> perSample(r.burstRequests, r.attachBurst),
        "–");
    row(
        b,
        "API writes / reads per sandbox during the fan-out (operator's)",
        r ->
            "%.2f / %.2f"
                .formatted(
                    r.fanOutRequests.writes() / (double) r.sandboxes,
                    r.fanOutRequests.reads() / (double) r.sandboxes),
        "N ConfigMap + N status writes");
    row(
        b,
        "API writes after re-applying the same spec (operator's)",
        r -> r.noOpRequests.writes() + " for " + r.noOpSamples + " sandboxes",
        "0");
    row(
        b,
        "API writes on an operator restart with nothing changed",
        r -> r.restartRequests.writes() + " (%.1f s until quiet)".formatted(r.restartSeconds),
        "0");
    row(b, "API server store index", r -> r.indexedApiServer ? "on" : "off", "–");
    row(b, "operator client protocol", r -> r.operatorHttp2 ? "HTTP/2" : "HTTP/1.1", "–");
    row(
        b,
        "operator used heap after settle + full GC",
        r -> mib(r.heapAfterSettleBytes),
        "≤ 512 MiB");
    row(b, "operator RSS after settle", r -> mib(r.rssAfterSettleBytes), "–");
    row(b, "operator used heap at end + full GC", r -> mib(r.heapAtEndBytes), "–");
    row(b, "attach → agent policy.yaml: samples", r -> count(r.agentFile), "–");
    row(b, "attach → agent policy.yaml: p50", r -> p50(r.agentFile), "–");
    row(b, "attach → agent policy.yaml: p99", r -> p99(r.agentFile), "≤ 1 s");
    row(b, "attach → agent policy.yaml: max", r -> max(r.agentFile), "–");
    row(
        b,
        "detach → agent policy.yaml: p50 / p99",
        r -> p50(r.agentDetach) + " / " + p99(r.agentDetach),
        "–");
    return b.toString();
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("## Operator end-to-end latency (load harness)\n\n");
    b.append(
            "- Command: `./mvnw -B -q -pl operator,policy-agent,load-harness -am package -DskipTests")
        .append(" && java -jar load-harness/target/load-harness.jar ")
        .append(arguments)
        .append("`\n");
    b.append("- Date: ").append(startedAt).append("\n");
    b.append("- Machine: ").append(machine).append("\n");
    for (Run r : runs) {
      b.append("- N = ")
          .append(r.sandboxes)
          .append(": load average (1/5/15 min) at the start of the run: ")
          .append(r.loadAverage)
          .append("; operator JVM: ")
          .append(r.operatorJvm)
          .append("\n");
    }
    b.append("\n").append(table()).append("\n");
    b.append("Operator metrics (from its `/metrics`):\n\n");
    for (Run r : runs) {
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", during the fan-out: ")
          .append(r.fanOutMetrics)
          .append("; whole run: ")
          .append(r.operatorMetrics)
          .append("\n");
    }
    b.append("\nAPI requests by verb and resource (counted by the API server):\n\n");
    for (Run r : runs) {
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", settle: ")
          .append(r.settleRequests.describe())
          .append("\n");
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", sequential attaches (harness patches excluded): ")
          .append(r.attachRequests.describe())
          .append("\n");
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", burst attaches (harness patches excluded): ")
          .append(r.burstRequests.describe())
          .append("\n");
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", fan-out (harness patch excluded): ")
          .append(r.fanOutRequests.describe())
          .append("\n");
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", same spec re-applied (harness patches excluded): ")
          .append(r.noOpRequests.describe())
          .append("\n");
      b.append("- N = ")
          .append(r.sandboxes)
          .append(", operator restart: ")
          .append(r.restartRequests.describe())
          .append("\n");
    }
    b.append("\nAgainst the targets (OpenShell's reference point: a 10 s poll interval):\n\n");
    Run big = runs.stream().max((x, y) -> Integer.compare(x.sandboxes, y.sandboxes)).orElseThrow();
    String at = " at N = " + big.sandboxes;
    if (big.attachSequential != null) {
      b.append(
          verdict(
              "attach p99" + at,
              big.attachSequential.p99Millis() <= ATTACH_P99_TARGET_MS,
              p99(big.attachSequential) + " vs ≤ 200 ms"));
    }
    double fanOutTarget = big.sandboxes >= 10_000 ? FANOUT_10K_TARGET_S : FANOUT_TARGET_S;
    b.append(
        verdict(
            "fan-out" + at,
            big.fanOutSeconds <= fanOutTarget,
            "%.2f s vs ≤ %.0f s".formatted(big.fanOutSeconds, fanOutTarget)));
    b.append(
        verdict(
            "operator heap" + at,
            big.heapAfterSettleBytes / 1048576.0 <= HEAP_TARGET_MIB,
            mib(big.heapAfterSettleBytes) + " vs ≤ 512 MiB"));
    if (big.agentFile != null) {
      b.append(
          verdict(
              "attach → agent file p99" + at,
              big.agentFile.p99Millis() <= AGENT_P99_TARGET_MS,
              p99(big.agentFile) + " vs ≤ 1 s"));
    }
    return b.toString();
  }

  private static String verdict(String what, boolean met, String figures) {
    return "- " + what + ": " + figures + " — " + (met ? "met" : "**missed**") + "\n";
  }

  private void row(
      StringBuilder b, String name, java.util.function.Function<Run, String> cell, String target) {
    b.append("| ").append(name).append(" | ");
    runs.forEach(r -> b.append(cell.apply(r)).append(" | "));
    b.append(target).append(" |\n");
  }

  static String perSample(ApiRequests requests, LatencyStats samples) {
    if (samples == null || samples.count() == 0) {
      return "–";
    }
    return "%.2f / %.2f"
        .formatted(
            requests.writes() / (double) samples.count(),
            requests.reads() / (double) samples.count());
  }

  static String count(LatencyStats s) {
    return s == null ? "–" : Integer.toString(s.count());
  }

  static String p50(LatencyStats s) {
    return s == null ? "–" : ms(s.p50Millis());
  }

  static String p99(LatencyStats s) {
    return s == null ? "–" : ms(s.p99Millis());
  }

  static String max(LatencyStats s) {
    return s == null ? "–" : ms(s.maxMillis());
  }

  static String ms(double millis) {
    return millis >= 1000 ? "%.2f s".formatted(millis / 1000) : "%.0f ms".formatted(millis);
  }

  static String mib(long bytes) {
    return bytes == 0 ? "–" : "%.0f MiB".formatted(bytes / 1048576.0);
  }
}
