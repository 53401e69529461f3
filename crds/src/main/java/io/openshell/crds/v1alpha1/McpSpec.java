package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** MCP options of an endpoint (protocol mcp only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class McpSpec {
  @Min(0)
  @Max(4294967295.0)
  @JsonPropertyDescription("Request body limit in bytes; unset or 0 means 65536.")
  private Long maxBodyBytes;

  @JsonPropertyDescription(
      "Tool names must match ^[A-Za-z0-9_.-]{1,128}$ (default true); wildcard tool matchers need"
          + " it.")
  private Boolean strictToolNames;

  @JsonPropertyDescription("Allow every known MCP method without explicit rules (default false).")
  private Boolean allowAllKnownMcpMethods;

  // accessors

  public Long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(Long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public Boolean getStrictToolNames() {
    return strictToolNames;
  }

  public void setStrictToolNames(Boolean strictToolNames) {
    this.strictToolNames = strictToolNames;
  }

  public Boolean getAllowAllKnownMcpMethods() {
    return allowAllKnownMcpMethods;
  }

  public void setAllowAllKnownMcpMethods(Boolean allowAllKnownMcpMethods) {
    this.allowAllKnownMcpMethods = allowAllKnownMcpMethods;
  }
}
