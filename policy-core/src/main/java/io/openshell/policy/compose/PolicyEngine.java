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
 * <p>Composition follows {@link Composition}. Every check stage is reported (OpenShell stops at the
 * first; the operator shows all), in CreateSandbox's order (grpc/sandbox.rs:260-347):
 *
 * <ol>
 *   <li>the spec: at most 32 providers, duplicates counted, and the base policy's protobuf size
 *       ({@link ProviderAttachments#checkCount}, {@link PolicyProtoSize});
 *   <li>every attached name has a provider: "provider '{n}' not found" (§5.2);
 *   <li>no credential env key offered by two providers (§6.2), then no ambiguous dynamic token
 *       grants (§6.3): the first error only;
 *   <li>no {@code _provider_*} key in the base policy (first only), and for a global policy none
 *       and no {@code credential_binding} (§5.5, §5.8);
 *   <li>gateway validation (§1.6) of the base policy, even under a global policy, and of a global
 *       policy;
 *   <li>no uninspected credentialed endpoint in the effective policy (§5.7), first only;
 *   <li>no ambiguous network endpoints (§6.1) and valid credential bindings and SigV4 sources
 *       (§5.8, first only) in the base plus layers; a sandbox without a base policy is checked on
 *       the empty default with layers, as OpenShell's {@code unwrap_or_default}; under a global
 *       policy on the base alone;
 *   <li>gateway validation of the effective policy when layers were composed: "provider composition
 *       produced an invalid effective policy: policy contains unsafe content: …".
 * </ol>
 *
 * <p>A rejected candidate carries no policy: the caller keeps delivering the last good one (invalid
 * input never widens access).
 */
public final class PolicyEngine {
  /** The violations of each OpenShell check stage. */
  private static final class Stages {
    final List<Violation> spec = new ArrayList<>();
    final List<Violation> missing = new ArrayList<>();
    final List<Violation> envKeys = new ArrayList<>();
    final List<Violation> reserved = new ArrayList<>();
    final List<Violation> safety = new ArrayList<>();
    final List<Violation> uninspected = new ArrayList<>();
    final List<Violation> ambiguity = new ArrayList<>();
    final List<Violation> bindings = new ArrayList<>();
    final List<Violation> composedSafety = new ArrayList<>();

    /**
     * CreateSandbox: spec, providers, env keys, reserved keys, safety, uninspected, ambiguity,
     * bindings. Attach: spec, env keys, ambiguity, bindings, uninspected (base checks last: they
     * can only fail on a sandbox already refused).
     */
    List<Violation> ordered(EntryPoint entry) {
      List<List<Violation>> order =
          entry == EntryPoint.CREATE
              ? List.of(
                  spec,
                  missing,
                  envKeys,
                  reserved,
                  safety,
                  uninspected,
                  ambiguity,
                  bindings,
                  composedSafety)
              : List.of(
                  spec,
                  missing,
                  envKeys,
                  ambiguity,
                  bindings,
                  uninspected,
                  reserved,
                  safety,
                  composedSafety);
      List<Violation> out = new ArrayList<>();
      order.forEach(out::addAll);
      return out;
    }
  }

  /** Adds the first of {@code found}: OpenShell returns on the first error of these (L8). */
  private static void first(List<Violation> found, List<Violation> into) {
    if (!found.isEmpty()) {
      into.add(found.get(0));
    }
  }

  static SandboxInputs withPolicy(SandboxInputs in, SandboxPolicy policy) {
    return new SandboxInputs(
        in.namespace(),
        in.name(),
        Optional.of(policy),
        in.providers(),
        in.providerRecords(),
        in.catalog(),
        in.settings(),
        in.now());
  }

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

  /** OpenShell's wrapper when the composed layers make the effective policy invalid (H19). */
  public static final String INVALID_COMPOSITION_PREFIX =
      "provider composition produced an invalid effective policy: ";

  /** Which OpenShell entry point's check order the violations follow (parity row L9). */
  enum EntryPoint {
    /** CreateSandbox (grpc/sandbox.rs:260-347), also the operator and webhook. */
    CREATE,
    /** AttachSandboxProvider (grpc/sandbox.rs:560-606). */
    ATTACH
  }

  /** Composes {@code in} and runs every check in CreateSandbox's order. */
  public static CompositionResult compose(SandboxInputs in) {
    return compose(in, EntryPoint.CREATE);
  }

  static CompositionResult compose(SandboxInputs in, EntryPoint entry) {
    Composition.Candidate c = Composition.compose(in);
    List<Violation> errors = errors(in, c, entry);
    if (!errors.isEmpty()) {
      return new CompositionResult.Rejected(errors, c.layers());
    }
    String yaml = PolicyYaml.write(c.policy());
    return new CompositionResult.Composed(
        new EffectivePolicy(
            c.policy(),
            c.source(),
            in.settings().providersV2Enabled(),
            c.layers(),
            yaml,
            PolicyHash.of(yaml),
            ProviderEnvRevision.compute(c.providers(), in.policy()),
            c.warnings()));
  }

  /**
   * The errors {@link #compose} would reject {@code in} with, in CreateSandbox's order; empty when
   * it would compose. It renders no canonical YAML, hash or env revision: for checks whose result
   * is never written (plugin pre-checks, the admission webhook).
   */
  public static List<Violation> check(SandboxInputs in) {
    return check(in, EntryPoint.CREATE);
  }

  static List<Violation> check(SandboxInputs in, EntryPoint entry) {
    return List.copyOf(errors(in, Composition.compose(in), entry));
  }

  /** Every check stage on candidate {@code c} of {@code in}, ordered for {@code entry}. */
  private static List<Violation> errors(
      SandboxInputs in, Composition.Candidate c, EntryPoint entry) {
    Stages s = new Stages();
    boolean global = c.source() == PolicySource.GLOBAL;

    // validate_sandbox_spec (grpc/validation.rs:166-213): the list, then the BASE policy's size.
    ProviderAttachments.checkCount(in.providers()).ifPresent(s.spec::add);
    in.policy().flatMap(PolicyProtoSize::check).ifPresent(s.spec::add);
    s.missing.addAll(c.missing());
    // Env keys then token grants, first error only (grpc/provider.rs:1842-1911, 2038-2052).
    first(CredentialEnvKeys.check(c.providers(), in.now()), s.envKeys);
    if (s.envKeys.isEmpty()) {
      first(TokenGrantCheck.check(c.providers()), s.envKeys);
    }
    // The base policy is validated even under a global policy (grpc/sandbox.rs:286-292, H18);
    // a global policy was validated when it was set and is re-checked as the delivered policy.
    in.policy().ifPresent(p -> first(ProviderRuleNames.reservedKeyViolations(p), s.reserved));
    in.policy().ifPresent(p -> s.safety.addAll(PolicyValidator.validate(p)));
    if (global) {
      SandboxPolicy g = c.policy();
      first(ProviderRuleNames.globalReservedKeyViolations(g), s.reserved);
      s.reserved.addAll(CredentialBindings.checkGlobal(g));
      s.safety.addAll(PolicyValidator.validate(g));
    }

    // The checks on composition run on the base, or on the empty default when the sandbox has
    // none (unwrap_or_default, grpc/policy.rs:1994-2011, H13); with a global policy they see the
    // base alone, as provider_policy_layers_for_sandbox returns no layers (grpc/policy.rs:1969).
    Composition.Candidate checked =
        in.policy().isEmpty() && in.settings().providersV2Enabled() && !global
            ? Composition.compose(withPolicy(in, Composition.RESTRICTIVE_DEFAULT))
            : c;
    SandboxPolicy sandboxSide =
        global ? in.policy().orElse(Composition.RESTRICTIVE_DEFAULT) : checked.policy();
    first(UninspectedCredentials.check(global ? c.policy() : checked.policy()), s.uninspected);
    EndpointAmbiguities.check(sandboxSide).ifPresent(s.ambiguity::add);
    List<Violation> bindings =
        new ArrayList<>(CredentialBindings.check(sandboxSide, c.providers()));
    bindings.addAll(CredentialBindings.checkSigningSources(sandboxSide, c.providers()));
    first(bindings, s.bindings);

    // Layers are validated with the effective policy when the base is valid; OpenShell does so at
    // GetSandboxConfig (grpc/policy.rs:2446-2458), the operator refuses before delivering (H19).
    if (c.composed() && s.safety.isEmpty()) {
      List<Violation> unsafe = PolicyValidator.validate(c.policy());
      if (!unsafe.isEmpty()) {
        s.composedSafety.add(
            Violation.error(
                ViolationCode.INVALID_POLICY,
                "",
                INVALID_COMPOSITION_PREFIX + PolicyValidator.summary(unsafe)));
      }
    }
    return s.ordered(entry);
  }
}
