package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** A token-grant audience for a host/port/path selector; unset parts default to the endpoint's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AudienceOverrideSpec {
  @JsonPropertyDescription("Host selector.")
  private String host;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port selector; unset means the endpoint's ports.")
  private Integer port;

  @JsonPropertyDescription("Path selector.")
  private String path;

  @Required
  @JsonPropertyDescription("Audience to request.")
  private String audience;

  @JsonPropertyDescription("Scopes to request.")
  private List<String> scopes;

  // accessors

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }
}
