package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** A dynamic token minted per request from a workload identity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TokenGrantSpec {
  @Required
  @JsonPropertyDescription(
      "Absolute https URL of the token endpoint (http only for loopback or in-cluster services).")
  private String tokenEndpoint;

  @JsonPropertyDescription("Default audience.")
  private String audience;

  @JsonPropertyDescription("Audience of the workload JWT-SVID.")
  private String jwtSvidAudience;

  @JsonPropertyDescription(
      "Client assertion type; unset means urn:ietf:params:oauth:client-assertion-type:jwt-bearer.")
  private String clientAssertionType;

  @JsonPropertyDescription("Scopes.")
  private List<String> scopes;

  @Min(0)
  @JsonPropertyDescription("Token cache TTL in seconds; unset or 0 derives it from expires_in.")
  private Long cacheTtlSeconds;

  @JsonPropertyDescription("Per-selector audiences.")
  private List<AudienceOverrideSpec> audienceOverrides;

  // accessors

  public String getTokenEndpoint() {
    return tokenEndpoint;
  }

  public void setTokenEndpoint(String tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getJwtSvidAudience() {
    return jwtSvidAudience;
  }

  public void setJwtSvidAudience(String jwtSvidAudience) {
    this.jwtSvidAudience = jwtSvidAudience;
  }

  public String getClientAssertionType() {
    return clientAssertionType;
  }

  public void setClientAssertionType(String clientAssertionType) {
    this.clientAssertionType = clientAssertionType;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public Long getCacheTtlSeconds() {
    return cacheTtlSeconds;
  }

  public void setCacheTtlSeconds(Long cacheTtlSeconds) {
    this.cacheTtlSeconds = cacheTtlSeconds;
  }

  public List<AudienceOverrideSpec> getAudienceOverrides() {
    return audienceOverrides;
  }

  public void setAudienceOverrides(List<AudienceOverrideSpec> audienceOverrides) {
    this.audienceOverrides = audienceOverrides;
  }
}
