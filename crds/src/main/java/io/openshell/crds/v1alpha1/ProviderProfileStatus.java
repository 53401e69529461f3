package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/** Lint result and usage of a profile. Conditions: Accepted, Ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = DeepMergeCustomizer.class, input = SchemaPatches.STATUS)
public class ProviderProfileStatus extends ObservedStatus {
  @JsonPropertyDescription("Lint findings (same texts as OpenShell's profile lint).")
  private List<Diagnostic> diagnostics;

  @JsonPropertyDescription("Providers and sandboxes using this profile.")
  private UsageCounts usedBy;

  public List<Diagnostic> getDiagnostics() {
    return diagnostics;
  }

  public void setDiagnostics(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  public UsageCounts getUsedBy() {
    return usedBy;
  }

  public void setUsedBy(UsageCounts usedBy) {
    this.usedBy = usedBy;
  }
}
