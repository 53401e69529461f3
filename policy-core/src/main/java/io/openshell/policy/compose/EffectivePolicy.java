package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.format.PolicyMetadata;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A composed, checked effective policy, ready to deliver.
 *
 * @param policy the effective policy (base or global policy plus provider layers)
 * @param source which policy it was built from
 * @param providersV2Enabled the {@code providersV2Enabled} setting (layers are composed only when
 *     it is on, no global policy is active and the sandbox has a base policy; see {@link #layers()}
 *     for what each provider added)
 * @param layers one entry per attached provider, in attachment order
 * @param policyYaml canonical {@code policy.yaml} text
 * @param policyHash {@code sha256:<hex>} of the UTF-8 bytes of {@link #policyYaml()}
 * @param providerEnvRevision provider environment revision (§7.1), never derived from credential
 *     values
 * @param warnings non-fatal findings (for example a provider whose type has no profile)
 */
public record EffectivePolicy(
    SandboxPolicy policy,
    PolicySource source,
    boolean providersV2Enabled,
    List<Layer> layers,
    String policyYaml,
    String policyHash,
    String providerEnvRevision,
    List<Violation> warnings) {
  public EffectivePolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(source, "source");
    layers = List.copyOf(layers);
    Objects.requireNonNull(policyYaml, "policyYaml");
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(providerEnvRevision, "providerEnvRevision");
    warnings = List.copyOf(warnings);
  }

  /**
   * What the operator delivers for this policy: {@code policy.yaml} plus its {@code metadata.json}.
   *
   * @param sandboxGeneration the sandbox's {@code metadata.generation}
   * @param settingsGeneration the settings' generation (0 when the settings object is absent)
   */
  public PolicyBundle bundle(long sandboxGeneration, long settingsGeneration) {
    return new PolicyBundle(
        policyYaml,
        new PolicyMetadata(
            policyHash,
            source.label(),
            providerEnvRevision,
            providersV2Enabled,
            sandboxGeneration,
            settingsGeneration,
            layers.stream()
                .map(
                    l ->
                        new PolicyMetadata.Layer(
                            l.provider(),
                            l.type(),
                            l.profile(),
                            l.profileGeneration(),
                            l.ruleKey()))
                .toList()));
  }
}
