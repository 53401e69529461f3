package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/**
 * OpenShell's SandboxPolicy in camelCase: static sections applied at sandbox start and the dynamic
 * networkPolicies map. Egress is denied by default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SandboxPolicySpec {
  @Default("1")
  @Min(1)
  @JsonPropertyDescription("Policy schema version (1).")
  private Long version;

  @JsonPropertyDescription("Landlock paths (filesystem_policy).")
  private FilesystemPolicySpec filesystemPolicy;

  @JsonPropertyDescription("Landlock availability requirement.")
  private LandlockSpec landlock;

  @JsonPropertyDescription("Process identity.")
  private ProcessSpec process;

  // maxProperties bounds the cost of the CEL rule below for the API server's estimator.
  @Size(max = 1024)
  @JsonPropertyDescription(
      "Rule key to network policy rule. Keys starting with '_provider_' are reserved for the"
          + " provider layers the operator composes.")
  @ValidationRule(
      value = "self.all(k, !k.startsWith('_provider_'))",
      message = SandboxPolicySpec.RESERVED_KEY_MESSAGE,
      messageExpression =
          "'network_policies key \\'' + self.filter(k, k.startsWith('_provider_'))[0] + '\\' uses"
              + " reserved \\'_provider_\\' prefix for provider composition; use \\'openshell"
              + " policy get <sandbox> --base\\' for a round-trippable base policy, or use"
              + " \\'openshell policy get <sandbox> --full\\' to inspect the effective policy"
              + " including provider entries'")
  private Map<String, NetworkPolicyRuleSpec> networkPolicies;

  /** The static fallback of the reserved-key rule (the key is in the message expression). */
  static final String RESERVED_KEY_MESSAGE =
      "network_policies keys must not use the reserved '_provider_' prefix for provider"
          + " composition";

  // accessors

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public FilesystemPolicySpec getFilesystemPolicy() {
    return filesystemPolicy;
  }

  public void setFilesystemPolicy(FilesystemPolicySpec filesystemPolicy) {
    this.filesystemPolicy = filesystemPolicy;
  }

  public LandlockSpec getLandlock() {
    return landlock;
  }

  public void setLandlock(LandlockSpec landlock) {
    this.landlock = landlock;
  }

  public ProcessSpec getProcess() {
    return process;
  }

  public void setProcess(ProcessSpec process) {
    this.process = process;
  }

  public Map<String, NetworkPolicyRuleSpec> getNetworkPolicies() {
    return networkPolicies;
  }

  public void setNetworkPolicies(Map<String, NetworkPolicyRuleSpec> networkPolicies) {
    this.networkPolicies = networkPolicies;
  }
}
