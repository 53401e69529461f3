package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.validate.PolicyValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Composes a sandbox's effective policy and runs every admission check OpenShell runs on a
 * candidate (CreateSandbox, AttachSandboxProvider, UpdateConfig, GetSandboxConfig).
 *
 * <p>Composition follows {@link Composition}. The checks, reported all at once, most fundamental
 * first:
 *
 * <ol>
 *   <li>every attached name has a provider: "provider '{n}' not found" (§5.2);
 *   <li>at most 32 distinct providers: "providers list exceeds maximum (32)" (§8);
 *   <li>no {@code _provider_*} key in the base or global policy (§5.5);
 *   <li>no {@code credential_binding} in the global policy (§5.8);
 *   <li>gateway policy validation of the effective policy, and its serialized size (§1.6);
 *   <li>credential bindings: shape, attached, profile, endpointless; SigV4 credential sources
 *       (§5.8);
 *   <li>no credential env key offered by two providers (§6.2);
 *   <li>no ambiguous dynamic token grants (§6.3);
 *   <li>no ambiguous network endpoints (§6.1);
 *   <li>no uninspected credentialed endpoints (§5.7).
 * </ol>
 *
 * <p>A rejected candidate carries no policy: the caller keeps delivering the last good one (invalid
 * input never widens access).
 */
public final class PolicyEngine {
  /** OpenShell's attach limit. */
  public static final int MAX_PROVIDERS = 32;

  /** OpenShell's text when the attached list is over {@link #MAX_PROVIDERS}. */
  public static final String TOO_MANY_PROVIDERS_MESSAGE = "providers list exceeds maximum (32)";

  private PolicyEngine() {}

  /** Composes {@code in} and runs every check; see the class documentation for the order. */
  public static CompositionResult compose(SandboxInputs in) {
    Composition.Candidate c = Composition.compose(in);
    List<Violation> errors = new ArrayList<>(c.missing());
    List<Violation> warnings = new ArrayList<>(c.warnings());

    if (new LinkedHashSet<>(in.providers()).size() > MAX_PROVIDERS) {
      errors.add(
          Violation.error(
              ViolationCode.TOO_MANY_PROVIDERS, "providers", TOO_MANY_PROVIDERS_MESSAGE));
    }
    in.policy().ifPresent(p -> errors.addAll(ProviderRuleNames.reservedKeyViolations(p)));
    in.settings()
        .globalPolicy()
        .ifPresent(
            g -> {
              errors.addAll(ProviderRuleNames.globalReservedKeyViolations(g));
              errors.addAll(CredentialBindings.checkGlobal(g));
            });

    for (Violation v : PolicyValidator.validate(c.policy())) {
      (v.isError() ? errors : warnings).add(v);
    }
    String yaml = PolicyYaml.write(c.policy());
    PolicyValidator.checkSize(yaml).ifPresent(errors::add);

    if (c.source() == PolicySource.SANDBOX) {
      in.policy().ifPresent(p -> errors.addAll(CredentialBindings.check(p, c.providers())));
    }
    errors.addAll(CredentialBindings.checkSigningSources(c.policy(), c.providers()));
    errors.addAll(CredentialEnvKeys.check(c.providers(), in.now()));
    errors.addAll(TokenGrantCheck.check(c.providers()));
    EndpointAmbiguities.check(c.policy()).ifPresent(errors::add);
    errors.addAll(UninspectedCredentials.check(c.policy()));

    if (!errors.isEmpty()) {
      return new CompositionResult.Rejected(errors, c.layers());
    }
    return new CompositionResult.Composed(
        new EffectivePolicy(
            c.policy(),
            c.source(),
            in.settings().providersV2Enabled(),
            c.layers(),
            yaml,
            PolicyHash.of(yaml),
            ProviderEnvRevision.compute(c.providers(), in.policy()),
            warnings));
  }
}
