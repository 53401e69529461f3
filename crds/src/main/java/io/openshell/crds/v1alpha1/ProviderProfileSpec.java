package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.openshell.crds.read.ReadableSpec;
import java.util.List;

/** What a provider type needs: credentials, endpoints and binaries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"category": {"enum": ["other", "inference", "agent", "source_control",
          "messaging", "data", "knowledge"]}}}
        """)
public class ProviderProfileSpec extends ReadableSpec {
  @Required
  @JsonPropertyDescription("Human name.")
  private String displayName;

  @JsonPropertyDescription("Description.")
  private String description;

  @Default("other")
  @JsonPropertyDescription(
      "Listing category: other, inference, agent, source_control, messaging, data, knowledge.")
  private String category;

  @JsonPropertyDescription("Metadata only: the provider can serve inference.")
  private Boolean inferenceCapable;

  @JsonPropertyDescription("Declared credentials.")
  private List<CredentialSpec> credentials;

  @JsonPropertyDescription("Local credential discovery.")
  private DiscoverySpec discovery;

  @Size(max = 128)
  @JsonPropertyDescription(
      "Endpoints of the network policy rule a provider of this type adds to a sandbox, at most"
          + " 128.")
  @ValidationRule(
      value = "self.all(e, !has(e.credentialBinding))",
      message =
          "credential_binding references a concrete sandbox provider and is only valid in sandbox"
              + " policy")
  private List<NetworkEndpointSpec> endpoints;

  @JsonPropertyDescription("Executable paths (globs) of that rule.")
  private List<String> binaries;

  // accessors

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public Boolean getInferenceCapable() {
    return inferenceCapable;
  }

  public void setInferenceCapable(Boolean inferenceCapable) {
    this.inferenceCapable = inferenceCapable;
  }

  public List<CredentialSpec> getCredentials() {
    return credentials;
  }

  public void setCredentials(List<CredentialSpec> credentials) {
    this.credentials = credentials;
  }

  public DiscoverySpec getDiscovery() {
    return discovery;
  }

  public void setDiscovery(DiscoverySpec discovery) {
    this.discovery = discovery;
  }

  public List<NetworkEndpointSpec> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(List<NetworkEndpointSpec> endpoints) {
    this.endpoints = endpoints;
  }

  public List<String> getBinaries() {
    return binaries;
  }

  public void setBinaries(List<String> binaries) {
    this.binaries = binaries;
  }
}
