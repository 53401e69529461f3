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
 * The profile-update fan-out over 1,000 sandboxes that all differ (base policy and provider set),
 * so nothing is shared between them: the worst case of {@link FanOutBenchmark}. Target ≤ 50 ms,
 * single thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DistinctFanOutBenchmark {
  private List<SandboxInputs> sandboxes;
  private ProviderProfile candidate;

  /** 1,000 distinct sandboxes on the current profile; the candidate adds two endpoints. */
  @Setup
  public void setUp() {
    ProfileCatalog catalog = Scenarios.builtinCatalog(Scenarios.teamApi("api", 3));
    sandboxes = Scenarios.distinctTeamApiSandboxes(1_000, catalog);
    candidate = Scenarios.teamApi("api", 5);
    List<Violation> v = ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, sandboxes);
    if (!v.isEmpty()) {
      throw new IllegalStateException("benchmark candidate must be accepted: " + v.get(0));
    }
  }

  /** One fan-out check of the candidate against 1,000 distinct sandboxes. */
  @Benchmark
  public List<Violation> updateFanOutDistinct() {
    return ProfileFanOut.check(candidate, ProfileFanOut.Operation.UPDATE, sandboxes);
  }
}
