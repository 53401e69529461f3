package io.openshell.benchmarks;

import io.openshell.policy.Violation;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProviderProfile;
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
 * Target (ii): the profile-update fan-out over 1,000 sandboxes that use the profile. Target ≤ 100
 * ms, single thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FanOutBenchmark {
  private List<SandboxInputs> sandboxes;
  private ProviderProfile candidate;

  /** 1,000 sandboxes on the current profile; the candidate adds two endpoints. */
  @Setup
  public void setUp() {
    ProfileCatalog catalog = Scenarios.builtinCatalog(Scenarios.teamApi("api", 3));
    sandboxes = Scenarios.teamApiSandboxes(1_000, catalog);
    candidate = Scenarios.teamApi("api", 5);
    List<Violation> v = ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, sandboxes);
    if (!v.isEmpty()) {
      throw new IllegalStateException("benchmark candidate must be accepted: " + v.get(0));
    }
  }

  /** One fan-out check of the candidate against every sandbox. */
  @Benchmark
  public List<Violation> updateFanOut() {
    return ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, sandboxes);
  }
}
