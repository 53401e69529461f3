package io.openshell.policy.compose;

import io.openshell.policy.Violation;
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
}
