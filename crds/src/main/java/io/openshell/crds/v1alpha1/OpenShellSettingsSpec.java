package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.openshell.crds.read.ReadableSpec;

/** Gateway-global settings. A missing object means the defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class OpenShellSettingsSpec extends ReadableSpec {
  @Default("false")
  @JsonPropertyDescription(
      "Compose provider layers into sandbox policies (OpenShell's providers_v2_enabled). Default"
          + " false.")
  private Boolean providersV2Enabled;

  @JsonPropertyDescription(
      "When set, replaces every sandbox's policy and suppresses provider layers. _provider_* keys"
          + " and credentialBinding are rejected in it.")
  @ValidationRule(
      value =
          "!has(self.networkPolicies) || self.networkPolicies.all(k,"
              + " !has(self.networkPolicies[k].endpoints)"
              + " || self.networkPolicies[k].endpoints.all(e, !has(e.credentialBinding)))",
      message = "credential_binding is sandbox-scoped and cannot be used in a global policy")
  private SandboxPolicySpec globalPolicy;

  // accessors

  public Boolean getProvidersV2Enabled() {
    return providersV2Enabled;
  }

  public void setProvidersV2Enabled(Boolean providersV2Enabled) {
    this.providersV2Enabled = providersV2Enabled;
  }

  public SandboxPolicySpec getGlobalPolicy() {
    return globalPolicy;
  }

  public void setGlobalPolicy(SandboxPolicySpec globalPolicy) {
    this.globalPolicy = globalPolicy;
  }
}
