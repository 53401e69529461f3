package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** A credential a profile declares. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"authStyle": {"enum": ["basic", "bearer", "header", "path", "query"]}}}
        """)
public class CredentialSpec {
  @Required
  @JsonPropertyDescription("Credential name, unique in the profile.")
  private String name;

  @JsonPropertyDescription("Human description.")
  private String description;

  @JsonPropertyDescription("Environment variables the credential is offered under.")
  private List<String> envVars;

  @JsonPropertyDescription("Whether a provider of this type must supply it.")
  private Boolean required;

  @JsonPropertyDescription(
      "How the credential is sent: basic, bearer and header (need headerName), path (needs"
          + " pathTemplate), query (needs queryParam).")
  private String authStyle;

  @JsonPropertyDescription("Header for bearer or header auth.")
  private String headerName;

  @JsonPropertyDescription("Query parameter for query auth.")
  private String queryParam;

  @JsonPropertyDescription("Path template containing {credential} exactly once, for path auth.")
  private String pathTemplate;

  @JsonPropertyDescription("Refresh configuration.")
  private RefreshSpec refresh;

  @JsonPropertyDescription("Dynamic token grant.")
  private TokenGrantSpec tokenGrant;

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

  public List<String> getEnvVars() {
    return envVars;
  }

  public void setEnvVars(List<String> envVars) {
    this.envVars = envVars;
  }

  public Boolean getRequired() {
    return required;
  }

  public void setRequired(Boolean required) {
    this.required = required;
  }

  public String getAuthStyle() {
    return authStyle;
  }

  public void setAuthStyle(String authStyle) {
    this.authStyle = authStyle;
  }

  public String getHeaderName() {
    return headerName;
  }

  public void setHeaderName(String headerName) {
    this.headerName = headerName;
  }

  public String getQueryParam() {
    return queryParam;
  }

  public void setQueryParam(String queryParam) {
    this.queryParam = queryParam;
  }

  public String getPathTemplate() {
    return pathTemplate;
  }

  public void setPathTemplate(String pathTemplate) {
    this.pathTemplate = pathTemplate;
  }

  public RefreshSpec getRefresh() {
    return refresh;
  }

  public void setRefresh(RefreshSpec refresh) {
    this.refresh = refresh;
  }

  public TokenGrantSpec getTokenGrant() {
    return tokenGrant;
  }

  public void setTokenGrant(TokenGrantSpec tokenGrant) {
    this.tokenGrant = tokenGrant;
  }
}
