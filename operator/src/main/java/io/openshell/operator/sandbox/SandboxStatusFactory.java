package io.openshell.operator.sandbox;

import static io.openshell.crds.Conditions.*;

import io.openshell.crds.v1alpha1.AttachedProviderStatus;
import io.openshell.crds.v1alpha1.EffectivePolicyStatus;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.operator.status.DesiredCondition;
import io.openshell.operator.status.StatusFactory;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.EffectivePolicy;
import io.openshell.policy.compose.Layer;
import io.openshell.policy.compose.PolicySource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a Sandbox's status from one observation. A rejected composition keeps the last good {@code
 * effectivePolicy} (the ConfigMap was not touched) and says why in {@code PolicyComposed}.
 */
public final class SandboxStatusFactory extends StatusFactory<SandboxStatus, Sandbox> {

  public SandboxStatusFactory(Clock clock) {
    super(clock);
  }

  /** The status {@code sandbox} should have after {@code observation}. */
  public SandboxStatus build(Sandbox sandbox, SandboxObservation observation) {
    SandboxStatus old = sandbox.getStatus();
    SandboxStatus status = begin(sandbox, SandboxStatus::new);

    CompositionResult result = observation.result();
    List<Layer> layers;
    EffectivePolicyStatus effective;
    if (result instanceof CompositionResult.Composed composed) {
      layers = composed.effective().layers();
      effective = effectiveStatus(sandbox, composed.effective());
    } else {
      layers = ((CompositionResult.Rejected) result).layers();
      effective = old == null ? null : old.getEffectivePolicy();
    }
    status.setEffectivePolicy(effective);
    status.setProviders(layers.stream().map(SandboxStatusFactory::providerStatus).toList());
    status.setAppliedPolicyHash(observation.podAppliedHash().orElse(null));

    DesiredCondition resolved = providersResolved(observation, layers);
    DesiredCondition composedCondition = policyComposed(result);
    String deliveredHash = effective == null ? null : effective.getHash();
    DesiredCondition applied = policyApplied(observation, deliveredHash);
    DesiredCondition ready = ready(composedCondition, applied, observation.hasPod(), deliveredHash);
    if (ready.status() && !observation.credentialGaps().isEmpty()) {
      // Composed and delivered, but a provider's credentials are gone: not ready, and why.
      ready = DesiredCondition.isFalse(READY, resolved.reason(), resolved.message());
    }
    return withConditions(status, sandbox, List.of(resolved, composedCondition, applied, ready));
  }

  private static EffectivePolicyStatus effectiveStatus(Sandbox sandbox, EffectivePolicy e) {
    EffectivePolicyStatus s = new EffectivePolicyStatus();
    s.setConfigMapName(PolicyConfigMapDependent.configMapName(sandbox));
    s.setHash(e.policyHash());
    s.setSource(e.source().label());
    s.setProviderEnvRevision(e.providerEnvRevision());
    s.setProvidersV2Enabled(e.providersV2Enabled());
    return s;
  }

  private static AttachedProviderStatus providerStatus(Layer layer) {
    AttachedProviderStatus s = new AttachedProviderStatus();
    s.setName(layer.provider());
    s.setType(layer.type());
    s.setProfile(layer.profile());
    s.setRuleKey(layer.ruleKey());
    return s;
  }

  private static DesiredCondition providersResolved(SandboxObservation o, List<Layer> layers) {
    if (!o.missingProviders().isEmpty()) {
      String message =
          o.missingProviders().stream()
              .map(Composition::notFoundMessage)
              .collect(Collectors.joining("; "));
      return DesiredCondition.isFalse(PROVIDERS_RESOLVED, REASON_PROVIDER_NOT_FOUND, message);
    }
    if (!o.credentialGaps().isEmpty()) {
      return DesiredCondition.isFalse(
          PROVIDERS_RESOLVED, REASON_SECRET_NOT_FOUND, String.join("; ", o.credentialGaps()));
    }
    List<String> parts = new ArrayList<>();
    parts.add("all attached providers resolved");
    for (Layer layer : layers) {
      if (layer.profile().isEmpty()) {
        parts.add(Composition.profilelessMessage(layer.provider(), layer.type()));
      }
    }
    return DesiredCondition.isTrue(PROVIDERS_RESOLVED, REASON_RESOLVED, String.join("; ", parts));
  }

  static DesiredCondition policyComposed(CompositionResult result) {
    if (result instanceof CompositionResult.Composed composed) {
      EffectivePolicy e = composed.effective();
      if (e.source() == PolicySource.GLOBAL) {
        return DesiredCondition.isTrue(
            POLICY_COMPOSED,
            REASON_GLOBAL_POLICY_ACTIVE,
            "a global policy is active: it replaces the sandbox policy and provider layers are"
                + " not composed");
      }
      if (!e.providersV2Enabled()) {
        return DesiredCondition.isTrue(
            POLICY_COMPOSED,
            REASON_PROVIDERS_V2_DISABLED,
            "providers v2 is disabled: provider layers are not composed");
      }
      long count = e.layers().stream().filter(l -> !l.ruleKey().isEmpty()).count();
      return DesiredCondition.isTrue(
          POLICY_COMPOSED,
          REASON_COMPOSED,
          "effective policy composed with " + count + " provider layer(s)");
    }
    List<Violation> violations = ((CompositionResult.Rejected) result).violations();
    Violation first = violations.get(0);
    String reason =
        first.code() == ViolationCode.PROVIDER_NOT_FOUND
            ? REASON_PROVIDERS_UNRESOLVED
            : first.code().reason();
    String message =
        violations.stream()
            .filter(v -> v.code() == first.code())
            .map(Violation::message)
            .distinct()
            .collect(Collectors.joining("\n"));
    return DesiredCondition.isFalse(POLICY_COMPOSED, reason, message);
  }

  private static DesiredCondition policyApplied(SandboxObservation o, String deliveredHash) {
    if (!o.hasPod()) {
      return DesiredCondition.isFalse(
          POLICY_APPLIED, REASON_NO_POD, "the sandbox has no podTemplate; no policy agent reports");
    }
    if (deliveredHash == null) {
      return DesiredCondition.isFalse(
          POLICY_APPLIED, REASON_PENDING, "no policy has been delivered yet");
    }
    if (o.podAppliedHash().filter(deliveredHash::equals).isPresent()) {
      return DesiredCondition.isTrue(
          POLICY_APPLIED, REASON_APPLIED, "the policy agent enforces " + deliveredHash);
    }
    return DesiredCondition.isFalse(
        POLICY_APPLIED, REASON_PENDING, "waiting for the policy agent to enforce " + deliveredHash);
  }

  private static DesiredCondition ready(
      DesiredCondition composed, DesiredCondition applied, boolean hasPod, String deliveredHash) {
    if (!composed.status()) {
      return DesiredCondition.isFalse(READY, composed.reason(), composed.message());
    }
    if (hasPod && !applied.status()) {
      return DesiredCondition.isFalse(READY, applied.reason(), applied.message());
    }
    // Ready=True carries the reason of the condition that decided it.
    DesiredCondition decisive = hasPod ? applied : composed;
    return DesiredCondition.isTrue(
        READY,
        decisive.reason(),
        hasPod
            ? "policy " + deliveredHash + " is composed and enforced"
            : "policy " + deliveredHash + " is composed");
  }
}
