package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules on a sandbox's attached provider list (§8): the 32-provider limit and the checks an
 * attach or a detach runs on its candidate list before writing it.
 */
public final class ProviderAttachments {
  private ProviderAttachments() {}

  /** OpenShell's {@code MAX_PROVIDERS} (grpc/mod.rs:132). */
  public static final int MAX_PROVIDERS = 32;

  /** What detach re-checks: removing a provider can only break bindings and ambiguity. */
  private static final Set<ViolationCode> DETACH_CODES =
      Set.of(ViolationCode.INVALID_CREDENTIAL_BINDING, ViolationCode.AMBIGUOUS_ENDPOINTS);

  /**
   * The limit on a sandbox spec's list (CreateSandbox, and the candidate of an attach): "providers
   * list exceeds maximum ({n} > 32)", counting every entry, duplicates included
   * (grpc/validation.rs:166-172).
   */
  public static Optional<Violation> checkCount(List<String> providers) {
    if (providers.size() <= MAX_PROVIDERS) {
      return Optional.empty();
    }
    return Optional.of(
        tooMany(
            "providers list exceeds maximum (" + providers.size() + " > " + MAX_PROVIDERS + ")"));
  }

  /**
   * Attach's pre-check on the stored list: "providers list exceeds maximum (32)" when {@code
   * current} already holds 32 or more entries and {@code provider} is not one of them
   * (grpc/sandbox.rs:560-571).
   */
  public static Optional<Violation> checkAttachLimit(List<String> current, String provider) {
    if (current.size() < MAX_PROVIDERS || current.contains(provider)) {
      return Optional.empty();
    }
    return Optional.of(tooMany("providers list exceeds maximum (" + MAX_PROVIDERS + ")"));
  }

  /**
   * Every error an attach refuses on: {@code candidate} holds the deduplicated list with the new
   * provider appended. Attach's order (grpc/sandbox.rs:572-606): spec, env keys, ambiguity,
   * bindings, uninspected credentials.
   */
  public static List<Violation> checkAttach(SandboxInputs candidate) {
    return PolicyEngine.check(candidate, PolicyEngine.EntryPoint.ATTACH);
  }

  /**
   * The errors a detach refuses on: only credential bindings and endpoint ambiguity of the
   * remaining list, the rest of the candidate's findings narrow access and never block
   * (grpc/sandbox.rs:694-703 → {@code validate_candidate_provider_attachments}).
   */
  public static List<Violation> checkDetach(SandboxInputs candidate) {
    return PolicyEngine.check(candidate).stream()
        .filter(v -> DETACH_CODES.contains(v.code()))
        .toList();
  }

  private static Violation tooMany(String message) {
    return Violation.error(ViolationCode.TOO_MANY_PROVIDERS, "providers", message);
  }
}
