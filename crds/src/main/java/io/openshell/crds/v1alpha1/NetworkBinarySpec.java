package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An executable a network policy rule applies to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class NetworkBinarySpec {
  @Required
  @JsonPropertyDescription("Executable path glob ('*', '**').")
  private String path;

  public NetworkBinarySpec() {}

  public NetworkBinarySpec(String path) {
    this.path = path;
  }

  // accessors

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
