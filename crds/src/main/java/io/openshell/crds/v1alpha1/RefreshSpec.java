package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/** How a credential is refreshed. The last four strategies are minted by the gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"strategy": {"enum": ["static", "external", "oauth2_refresh_token",
          "oauth2_client_credentials", "google_service_account_jwt", "aws_sts_assume_role"]}}}
        """)
public class RefreshSpec {
  @JsonPropertyDescription(
      "static, external, oauth2_refresh_token, oauth2_client_credentials,"
          + " google_service_account_jwt or aws_sts_assume_role.")
  private String strategy;

  @JsonPropertyDescription("Token endpoint for OAuth-style strategies.")
  private String tokenUrl;

  @JsonPropertyDescription("Requested scopes.")
  private List<String> scopes;

  @JsonPropertyDescription("Refresh this many seconds before expiry (>= 0).")
  private Long refreshBeforeSeconds;

  @JsonPropertyDescription("Maximum credential lifetime in seconds (>= 0).")
  private Long maxLifetimeSeconds;

  @JsonPropertyDescription("Material the strategy needs.")
  private List<RefreshMaterialSpec> material;

  @JsonPropertyDescription("Co-minted outputs (aws_sts_assume_role only).")
  private List<AdditionalOutputSpec> additionalOutputs;

  // accessors

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public String getTokenUrl() {
    return tokenUrl;
  }

  public void setTokenUrl(String tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public Long getRefreshBeforeSeconds() {
    return refreshBeforeSeconds;
  }

  public void setRefreshBeforeSeconds(Long refreshBeforeSeconds) {
    this.refreshBeforeSeconds = refreshBeforeSeconds;
  }

  public Long getMaxLifetimeSeconds() {
    return maxLifetimeSeconds;
  }

  public void setMaxLifetimeSeconds(Long maxLifetimeSeconds) {
    this.maxLifetimeSeconds = maxLifetimeSeconds;
  }

  public List<RefreshMaterialSpec> getMaterial() {
    return material;
  }

  public void setMaterial(List<RefreshMaterialSpec> material) {
    this.material = material;
  }

  public List<AdditionalOutputSpec> getAdditionalOutputs() {
    return additionalOutputs;
  }

  public void setAdditionalOutputs(List<AdditionalOutputSpec> additionalOutputs) {
    this.additionalOutputs = additionalOutputs;
  }
}
