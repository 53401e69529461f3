package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the effective policy lives and which inputs produced it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class EffectivePolicyStatus {
  @JsonPropertyDescription("ConfigMap holding policy.yaml and metadata.json.")
  private String configMapName;

  @JsonPropertyDescription("sha256:<hex> of policy.yaml.")
  private String hash;

  @JsonPropertyDescription("Sandbox (the sandbox's own policy) or Global (the global policy).")
  private String source;

  @JsonPropertyDescription("Changes when attached providers, their Secrets or profiles change.")
  private String providerEnvRevision;

  @JsonPropertyDescription("The providersV2Enabled setting used.")
  private Boolean providersV2Enabled;

  // accessors

  public String getConfigMapName() {
    return configMapName;
  }

  public void setConfigMapName(String configMapName) {
    this.configMapName = configMapName;
  }

  public String getHash() {
    return hash;
  }

  public void setHash(String hash) {
    this.hash = hash;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getProviderEnvRevision() {
    return providerEnvRevision;
  }

  public void setProviderEnvRevision(String providerEnvRevision) {
    this.providerEnvRevision = providerEnvRevision;
  }

  public Boolean getProvidersV2Enabled() {
    return providersV2Enabled;
  }

  public void setProvidersV2Enabled(Boolean providersV2Enabled) {
    this.providersV2Enabled = providersV2Enabled;
  }
}
