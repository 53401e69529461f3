package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One networkPolicies entry: the endpoints a set of binaries may reach. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class NetworkPolicyRuleSpec {
  @JsonPropertyDescription("Label used in logs and ambiguity messages; unset means the map key.")
  private String name;

  // Bounded so that the API server's cost estimate of the CEL rules on endpoints stays in budget.
  @Size(max = 128)
  @JsonPropertyDescription(
      "Allowed destinations, at most 128 (egress is denied unless an endpoint allows it).")
  private List<NetworkEndpointSpec> endpoints;

  @JsonPropertyDescription("Executables the rule applies to.")
  private List<NetworkBinarySpec> binaries;

  // accessors

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<NetworkEndpointSpec> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(List<NetworkEndpointSpec> endpoints) {
    this.endpoints = endpoints;
  }

  public List<NetworkBinarySpec> getBinaries() {
    return binaries;
  }

  public void setBinaries(List<NetworkBinarySpec> binaries) {
    this.binaries = binaries;
  }
}
