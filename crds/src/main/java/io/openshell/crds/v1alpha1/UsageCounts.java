package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many objects use a profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class UsageCounts {
  @JsonPropertyDescription("Providers whose type resolves to this profile.")
  private Integer providers;

  @JsonPropertyDescription("Sandboxes with such a provider attached.")
  private Integer sandboxes;

  // accessors

  public Integer getProviders() {
    return providers;
  }

  public void setProviders(Integer providers) {
    this.providers = providers;
  }

  public Integer getSandboxes() {
    return sandboxes;
  }

  public void setSandboxes(Integer sandboxes) {
    this.sandboxes = sandboxes;
  }
}
