package io.openshell.benchmarks;

import io.openshell.policy.Violation;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.EndpointAmbiguities;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.validate.PolicyValidator;
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
 * The phases of {@link ComposeBenchmark}'s sandbox measured one by one, to show where time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PhaseBenchmark {
  private SandboxInputs inputs;
  private SandboxPolicy effective;

  /** Composes once to get the effective policy the later phases work on. */
  @Setup
  public void setUp() {
    inputs = Scenarios.sandboxWithBuiltins("team-a", "box", Scenarios.builtinCatalog());
    effective = Composition.compose(inputs).policy();
  }

  /** Layers + credential stamping. */
  @Benchmark
  public Composition.Candidate composeOnly() {
    return Composition.compose(inputs);
  }

  /** §1.6 validation of the effective policy. */
  @Benchmark
  public List<Violation> validateOnly() {
    return PolicyValidator.validate(effective);
  }

  /** §6.1 endpoint ambiguity over the effective policy. */
  @Benchmark
  public List<EndpointAmbiguities.Ambiguity> ambiguityOnly() {
    return EndpointAmbiguities.find(effective);
  }

  /** Canonical YAML rendering (the bytes that are hashed and delivered). */
  @Benchmark
  public String yamlOnly() {
    return PolicyYaml.write(effective);
  }
}
