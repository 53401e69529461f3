package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Turning composition on (§5.6): enabling {@code providersV2Enabled} while no global policy is set,
 * or deleting the global policy while it is enabled, re-validates every sandbox that has providers.
 * Each sandbox whose candidate would be rejected yields "cannot activate provider policy
 * composition: sandbox '{ns}/{name}' has an invalid effective policy: {msg}" (msg = the first error
 * of that sandbox, as OpenShell stops at the first), with that error's code. Any other settings
 * change activates nothing and is not checked.
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
              in.policy(),
              in.providers(),
              in.providerRecords(),
              in.catalog(),
              proposed,
              in.now());
      CompositionResult result = PolicyEngine.compose(candidate);
      if (result instanceof CompositionResult.Rejected rejected) {
        Violation first = rejected.violations().get(0);
        out.add(
            Violation.error(
                first.code(),
                first.field(),
                "cannot activate provider policy composition: sandbox '"
                    + in.qualifiedName()
                    + "' has an invalid effective policy: "
                    + first.message()));
      }
    }
    return out;
  }
}
