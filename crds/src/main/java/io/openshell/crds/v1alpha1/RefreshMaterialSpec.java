package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A material item a refresh strategy needs (for example role_arn). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RefreshMaterialSpec {
  @JsonPropertyDescription("Material name, unique in the refresh.")
  private String name;

  @JsonPropertyDescription("Human description.")
  private String description;

  @JsonPropertyDescription("Whether the material must be supplied.")
  private Boolean required;

  @JsonPropertyDescription("Whether the material is secret.")
  private Boolean secret;

  // accessors

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Boolean getRequired() {
    return required;
  }

  public void setRequired(Boolean required) {
    this.required = required;
  }

  public Boolean getSecret() {
    return secret;
  }

  public void setSecret(Boolean secret) {
    this.secret = secret;
  }
}
