package io.openshell.benchmarks;

import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Thread CPU time per operation for the benchmark scenarios. On a shared machine wall-clock samples
 * include time the thread spent pre-empted; CPU time does not, so this is the better estimate of
 * what an idle core would measure. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.openshell.benchmarks.CpuTimeProbe}.
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static Object sink;

  private CpuTimeProbe() {}

  /** Prints the median and minimum CPU time per operation over batches, after a warm-up. */
  public static void main(String[] args) {
    SandboxInputs one = Scenarios.sandboxWithBuiltins("team-a", "box", Scenarios.builtinCatalog());
    SandboxPolicy effective = Composition.compose(one).policy();
    ProfileCatalog catalog = Scenarios.builtinCatalog(Scenarios.teamApi("api", 3));
    List<SandboxInputs> fleet = Scenarios.teamApiSandboxes(1_000, catalog);
    ProviderProfile candidate = Scenarios.teamApi("api", 5);
    List<SandboxInputs> distinct = Scenarios.distinctTeamApiSandboxes(1_000, catalog);

    report("composeAndCheck", "us", 1e3, 200, () -> PolicyEngine.compose(one));
    report("yamlOnly", "us", 1e3, 200, () -> PolicyYaml.write(effective));
    report(
        "updateFanOut",
        "ms",
        1e6,
        1,
        () -> ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, fleet));
    report(
        "updateFanOutDistinct",
        "ms",
        1e6,
        1,
        () -> ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, distinct));
  }

  private static void report(
      String name, String unit, double scale, int opsPerBatch, Supplier<Object> op) {
    long warmUntil = System.nanoTime() + 4_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      sink = op.get();
    }
    double[] perOp = new double[60];
    for (int b = 0; b < perOp.length; b++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < opsPerBatch; i++) {
        sink = op.get();
      }
      perOp[b] = (THREADS.getCurrentThreadCpuTime() - start) / (double) opsPerBatch / scale;
    }
    Arrays.sort(perOp);
    System.out.printf(
        "%-22s cpu median %10.1f %s   min %10.1f %s%n",
        name, perOp[perOp.length / 2], unit, perOp[0], unit);
  }
}
