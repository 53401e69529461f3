package io.openshell.crds.resolve;

import io.openshell.policy.Violation;
import io.openshell.policy.compose.SandboxInputs;
import java.util.List;
import java.util.Objects;

/**
 * A sandbox's composition inputs plus what resolution found on the way.
 *
 * @param inputs everything composition needs
 * @param missingProviders attached provider names with no Provider object, in spec order
 * @param profilelessProviders attached providers whose type names no known profile
 * @param settingsGeneration generation of the settings object used (0 when absent)
 * @param conversionErrors objects that could not be converted to policy-core records (the
 *     composition must be rejected with these)
 */
public record ResolvedSandbox(
    SandboxInputs inputs,
    List<String> missingProviders,
    List<String> profilelessProviders,
    long settingsGeneration,
    List<Violation> conversionErrors) {
  public ResolvedSandbox {
    Objects.requireNonNull(inputs, "inputs");
    missingProviders = List.copyOf(missingProviders);
    profilelessProviders = List.copyOf(profilelessProviders);
    conversionErrors = List.copyOf(conversionErrors);
  }
}
