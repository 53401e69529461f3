package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/**
 * Composition and delivery state. Conditions: ProvidersResolved, PolicyComposed, PolicyApplied,
 * Ready.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = DeepMergeCustomizer.class, input = SchemaPatches.STATUS)
public class SandboxStatus extends ObservedStatus {
  @JsonPropertyDescription("The effective policy delivered to the sandbox.")
  private EffectivePolicyStatus effectivePolicy;

  @JsonPropertyDescription("Attached providers in composition order.")
  private List<AttachedProviderStatus> providers;

  @JsonPropertyDescription("The policy hash the pod's sidecar reports as enforced.")
  private String appliedPolicyHash;

  public EffectivePolicyStatus getEffectivePolicy() {
    return effectivePolicy;
  }

  public void setEffectivePolicy(EffectivePolicyStatus effectivePolicy) {
    this.effectivePolicy = effectivePolicy;
  }

  public List<AttachedProviderStatus> getProviders() {
    return providers;
  }

  public void setProviders(List<AttachedProviderStatus> providers) {
    this.providers = providers;
  }

  public String getAppliedPolicyHash() {
    return appliedPolicyHash;
  }

  public void setAppliedPolicyHash(String appliedPolicyHash) {
    this.appliedPolicyHash = appliedPolicyHash;
  }
}
