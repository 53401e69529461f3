package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Binds an attached endpointless provider's credentials to a sandbox-policy endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CredentialBindingSpec {
  @Required
  @JsonPropertyDescription("Name of a provider attached to the sandbox (not a profile id).")
  private String provider;

  public CredentialBindingSpec() {}

  public CredentialBindingSpec(String provider) {
    this.provider = provider;
  }

  // accessors

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }
}
