package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One attached provider and the rule it produced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AttachedProviderStatus {
  @JsonPropertyDescription("Provider name.")
  private String name;

  @JsonPropertyDescription("Provider type.")
  private String type;

  @JsonPropertyDescription("Profile id the type resolved to; empty when none.")
  private String profile;

  @JsonPropertyDescription("The _provider_* key it produced; empty when none.")
  private String ruleKey;

  // accessors

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  public String getRuleKey() {
    return ruleKey;
  }

  public void setRuleKey(String ruleKey) {
    this.ruleKey = ruleKey;
  }
}
