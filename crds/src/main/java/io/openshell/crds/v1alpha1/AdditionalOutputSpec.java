package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A co-minted refresh output bound to another credential of the profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AdditionalOutputSpec {
  @JsonPropertyDescription(
      "Strategy output id (aws_sts_assume_role: secret_access_key, session_token).")
  private String output;

  @JsonPropertyDescription("Name of the credential that receives the output.")
  private String credential;

  // accessors

  public String getOutput() {
    return output;
  }

  public void setOutput(String output) {
    this.output = output;
  }

  public String getCredential() {
    return credential;
  }

  public void setCredential(String credential) {
    this.credential = credential;
  }
}
