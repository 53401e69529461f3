package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import io.openshell.policy.validate.PolicyValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes a sandbox's effective policy and runs every admission check OpenShell runs on a
 * candidate (CreateSandbox, AttachSandboxProvider, UpdateConfig, GetSandboxConfig).
 *
 * <p>Composition follows {@link Composition}. The checks, reported all at once, most fundamental
 * first:
 *
 * <ol>
 *   <li>every attached name has a provider: "provider '{n}' not found" (§5.2);
 *   <li>at most 32 providers, duplicates counted: "providers list exceeds maximum ({n} > 32)" (§8,
 *       {@link ProviderAttachments#checkCount});
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
  /** OpenShell's refusal of a sandbox policy change while a global policy is set. */
  public static final String GLOBAL_POLICY_ACTIVE_MESSAGE =
      "policy is managed globally; delete global policy before sandbox policy update";

  private PolicyEngine() {}

  /**
   * The checks OpenShell's {@code UpdateConfig} runs on a new global policy, in its order
   * (grpc/policy.rs:3225-3240): no {@code _provider_} keys, gateway validation (§1.6), no endpoint
   * ambiguity, no {@code credential_binding}. Like OpenShell it stops at the first failing stage;
   * every finding is an error (validation has no warnings). Empty when the policy is acceptable.
   */
  public static List<Violation> checkGlobalPolicy(SandboxPolicy global) {
    List<Violation> reserved = ProviderRuleNames.globalReservedKeyViolations(global);
    if (!reserved.isEmpty()) {
      return reserved;
    }
    List<Violation> unsafe = PolicyValidator.validate(global);
    if (!unsafe.isEmpty()) {
      return unsafe;
    }
    Optional<Violation> ambiguous = EndpointAmbiguities.check(global);
    if (ambiguous.isPresent()) {
      return List.of(ambiguous.get());
    }
    return CredentialBindings.checkGlobal(global);
  }

  /**
   * The checks OpenShell's sandbox-scoped {@code UpdateConfig} runs on a new base policy before it
   * composes (grpc/policy.rs:3598-3626): no global policy set ("policy is managed globally; …",
   * {@code GLOBAL_POLICY_ACTIVE}), no {@code _provider_} keys, gateway validation (§1.6). It stops
   * at the first failing stage; every finding is an error. The composed checks follow with {@link
   * #compose} on the sandbox's inputs carrying {@code policy}.
   */
  public static List<Violation> checkUserPolicy(SandboxPolicy policy, Settings settings) {
    if (settings.globalPolicy().isPresent()) {
      return List.of(
          Violation.error(
              ViolationCode.GLOBAL_POLICY_ACTIVE, "policy", GLOBAL_POLICY_ACTIVE_MESSAGE));
    }
    List<Violation> reserved = ProviderRuleNames.reservedKeyViolations(policy);
    if (!reserved.isEmpty()) {
      return reserved;
    }
    return PolicyValidator.validate(policy);
  }

  /** Composes {@code in} and runs every check; see the class documentation for the order. */
  public static CompositionResult compose(SandboxInputs in) {
    Composition.Candidate c = Composition.compose(in);
    List<Violation> errors = new ArrayList<>(c.missing());
    List<Violation> warnings = new ArrayList<>(c.warnings());

    ProviderAttachments.checkCount(in.providers()).ifPresent(errors::add);
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
