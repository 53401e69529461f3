package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

/** Re-composition progress. Condition: Applied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = DeepMergeCustomizer.class, input = SchemaPatches.STATUS)
public class OpenShellSettingsStatus extends ObservedStatus {
  @JsonPropertyDescription("Number of sandboxes.")
  private Integer sandboxes;

  @JsonPropertyDescription("Sandboxes not yet re-composed for this generation.")
  private Integer pendingSandboxes;

  public Integer getSandboxes() {
    return sandboxes;
  }

  public void setSandboxes(Integer sandboxes) {
    this.sandboxes = sandboxes;
  }

  public Integer getPendingSandboxes() {
    return pendingSandboxes;
  }

  public void setPendingSandboxes(Integer pendingSandboxes) {
    this.pendingSandboxes = pendingSandboxes;
  }
}
