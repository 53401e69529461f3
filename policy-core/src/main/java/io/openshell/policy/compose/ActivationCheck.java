package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turning composition on (§5.6): enabling {@code providersV2Enabled} while no global policy is set,
 * or deleting the global policy while it is enabled, re-validates every sandbox that has providers
 * as OpenShell's {@code validate_provider_composition_for_existing_sandboxes} does
 * (grpc/policy.rs:2053-2114): only endpoint ambiguity of the base policy (or the empty default)
 * with the provider layers. A sandbox with an ambiguous candidate yields "cannot activate provider
 * policy composition: sandbox '{ns}/{name}' has an invalid effective policy: {msg}"; a sandbox
 * naming a missing provider yields OpenShell's bare "provider '{n}' not found" (its {@code ?} at
 * grpc/policy.rs:2093-2096 returns it unwrapped). Any other settings change activates nothing and
 * is not checked.
 */
public final class ActivationCheck {
  private ActivationCheck() {}

  /** True when going from {@code current} to {@code proposed} turns provider composition on. */
  public static boolean activates(Settings current, Settings proposed) {
    boolean before = current.providersV2Enabled() && current.globalPolicy().isEmpty();
    boolean after = proposed.providersV2Enabled() && proposed.globalPolicy().isEmpty();
    return after && !before;
  }

  /**
   * The sandboxes that block the settings change, one error each, in the given order; empty when
   * the change activates nothing or every sandbox stays valid.
   */
  public static List<Violation> check(
      Settings current, Settings proposed, List<SandboxInputs> sandboxes) {
    List<Violation> out = new ArrayList<>();
    if (!activates(current, proposed)) {
      return out;
    }
    for (SandboxInputs in : sandboxes) {
      if (in.providers().isEmpty()) {
        continue;
      }
      SandboxInputs candidate =
          new SandboxInputs(
              in.namespace(),
              in.name(),
              Optional.of(in.policy().orElse(Composition.RESTRICTIVE_DEFAULT)),
              in.providers(),
              in.providerRecords(),
              in.catalog(),
              proposed,
              in.now());
      Composition.Candidate c = Composition.compose(candidate);
      if (!c.missing().isEmpty()) {
        out.add(c.missing().get(0));
        continue;
      }
      EndpointAmbiguities.check(c.policy())
          .ifPresent(
              v ->
                  out.add(
                      Violation.error(
                          v.code(),
                          v.field(),
                          "cannot activate provider policy composition: sandbox '"
                              + in.qualifiedName()
                              + "' has an invalid effective policy: "
                              + v.message())));
    }
    return out;
  }
}
