package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

/** How strictly Landlock must be available. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"compatibility": {"enum": ["best_effort", "hard_requirement"]}}}
        """)
public class LandlockSpec {
  @JsonPropertyDescription("best_effort (OpenShell's default) or hard_requirement.")
  private String compatibility;

  // accessors

  public String getCompatibility() {
    return compatibility;
  }

  public void setCompatibility(String compatibility) {
    this.compatibility = compatibility;
  }
}
