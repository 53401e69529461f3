package io.openshell.benchmarks;

import io.openshell.policy.Violation;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.SandboxInputs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target (i): compose + every check for one sandbox with 20 base rules and 8 built-in providers,
 * providers v2 on. Target ≤ 50 µs median, single thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ComposeBenchmark {
  private SandboxInputs inputs;

  /** Builds the sandbox once and checks that it composes (a rejection would measure less work). */
  @Setup
  public void setUp() {
    inputs = Scenarios.sandboxWithBuiltins("team-a", "box", Scenarios.builtinCatalog());
    CompositionResult r = PolicyEngine.compose(inputs);
    if (!(r instanceof CompositionResult.Composed)) {
      throw new IllegalStateException("benchmark sandbox must compose: " + r);
    }
  }

  /** One full composition with all checks, canonical YAML, hash and env revision. */
  @Benchmark
  public CompositionResult composeAndCheck() {
    return PolicyEngine.compose(inputs);
  }

  /**
   * The same composition and checks without canonical YAML, hash or env revision: what the plugin's
   * attach/detach pre-check and the admission webhook run ({@link PolicyEngine#check}).
   */
  @Benchmark
  public List<Violation> checkOnly() {
    return PolicyEngine.check(inputs);
  }
}
