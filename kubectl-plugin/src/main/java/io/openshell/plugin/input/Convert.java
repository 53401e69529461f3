package io.openshell.plugin.input;

import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.PolicyConverter;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.plugin.Refused;
import io.openshell.policy.Violation;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.stream.Collectors;

/** The plugin's use of the {@code crds} converters: refusals in the plugin's words. */
public final class Convert {
  private Convert() {}

  /** The {@code ProviderProfile} manifest for a profile (no status, no server-set metadata). */
  public static io.openshell.crds.v1alpha1.ProviderProfile profileResource(ProviderProfile p) {
    io.openshell.crds.v1alpha1.ProviderProfile cr = ProfileConverter.toResource(p).value();
    cr.setStatus(null);
    return cr;
  }

  /**
   * A {@code spec.policy} / {@code spec.globalPolicy} value as a policy-core policy; a value the
   * model cannot hold is refused with {@code what} as the first line.
   */
  public static SandboxPolicy policy(SandboxPolicySpec specPolicy, String what) {
    Conversion<SandboxPolicy> c = PolicyConverter.toModel(specPolicy);
    if (c.hasErrors()) {
      throw new Refused(what, messages(c));
    }
    return c.value();
  }

  /** A policy-core policy as the CR's camelCase {@code spec.policy} value. */
  public static SandboxPolicySpec policySpec(SandboxPolicy policy) {
    return PolicyConverter.toSpec(policy).value();
  }

  /** The error messages of a conversion, one per line, with their field paths. */
  public static String messages(Conversion<?> c) {
    return c.violations().stream()
        .filter(Violation::isError)
        .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
        .collect(Collectors.joining("\n"));
  }
}
