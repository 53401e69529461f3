package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** JSON-RPC options of an endpoint (OpenShell's json_rpc stanza). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class JsonRpcSpec {
  @Min(0)
  @Max(4294967295.0)
  @JsonPropertyDescription("Request body limit in bytes; unset or 0 means 65536.")
  private Long maxBodyBytes;

  public JsonRpcSpec() {}

  public JsonRpcSpec(Long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  // accessors

  public Long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(Long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }
}
