package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Which credentials discovery scans for in the local environment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class DiscoverySpec {
  @JsonPropertyDescription("Credential names, scanned in order.")
  private List<String> credentials;

  public DiscoverySpec() {}

  public DiscoverySpec(List<String> credentials) {
    this.credentials = credentials;
  }

  // accessors

  public List<String> getCredentials() {
    return credentials;
  }

  public void setCredentials(List<String> credentials) {
    this.credentials = credentials;
  }
}
