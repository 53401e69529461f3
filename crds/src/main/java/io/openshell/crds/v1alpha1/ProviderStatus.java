package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/** Resolution and attachment state. Conditions: ProfileResolved, CredentialsResolved, Ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = DeepMergeCustomizer.class, input = SchemaPatches.STATUS)
public class ProviderStatus extends ObservedStatus {
  @JsonPropertyDescription("The profile this provider's type resolved to.")
  private ProfileReference profile;

  @JsonPropertyDescription("Names of the stored credentials (Secret keys). Never values.")
  private List<String> credentialKeys;

  @JsonPropertyDescription("Sandboxes (same namespace) this provider is attached to; bounded.")
  private List<String> attachedTo;

  @JsonPropertyDescription("Number of sandboxes this provider is attached to.")
  private Integer attachedCount;

  public ProfileReference getProfile() {
    return profile;
  }

  public void setProfile(ProfileReference profile) {
    this.profile = profile;
  }

  public List<String> getCredentialKeys() {
    return credentialKeys;
  }

  public void setCredentialKeys(List<String> credentialKeys) {
    this.credentialKeys = credentialKeys;
  }

  public List<String> getAttachedTo() {
    return attachedTo;
  }

  public void setAttachedTo(List<String> attachedTo) {
    this.attachedTo = attachedTo;
  }

  public Integer getAttachedCount() {
    return attachedCount;
  }

  public void setAttachedCount(Integer attachedCount) {
    this.attachedCount = attachedCount;
  }
}
