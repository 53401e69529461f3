package io.openshell.operator.sandbox;

import io.openshell.policy.compose.CompositionResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile of a sandbox found: the composition outcome and the pod's report.
 *
 * @param result composed or rejected
 * @param missingProviders attached names with no Provider object
 * @param profilelessProviders attached providers whose type has no profile
 * @param hasPod whether the sandbox asks for a pod ({@code spec.podTemplate})
 * @param podAppliedHash the hash the pod's policy agent reports, when it reports one
 * @param credentialGaps one message per attached provider whose credentials Secret is missing
 */
public record SandboxObservation(
    CompositionResult result,
    List<String> missingProviders,
    List<String> profilelessProviders,
    boolean hasPod,
    Optional<String> podAppliedHash,
    List<String> credentialGaps) {
  public SandboxObservation {
    Objects.requireNonNull(result, "result");
    missingProviders = List.copyOf(missingProviders);
    profilelessProviders = List.copyOf(profilelessProviders);
    Objects.requireNonNull(podAppliedHash, "podAppliedHash");
    credentialGaps = List.copyOf(credentialGaps);
  }

  /** An observation in which every attached provider's Secret was found. */
  public SandboxObservation(
      CompositionResult result,
      List<String> missingProviders,
      List<String> profilelessProviders,
      boolean hasPod,
      Optional<String> podAppliedHash) {
    this(result, missingProviders, profilelessProviders, hasPod, podAppliedHash, List.of());
  }
}
