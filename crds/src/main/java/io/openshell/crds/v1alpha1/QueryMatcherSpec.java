package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/** A value matcher: one glob, or any of several globs (OpenShell's bare string is {glob}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
// Exactly one of glob and any, as a schema rule rather than CEL: matchers sit four lists deep in a
// policy, and the API server multiplies a CEL rule's cost by that cardinality. policy-core's lint
// reports OpenShell's texts ("matcher cannot specify both glob and any", "matcher must specify glob
// or any").
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"oneOf": [{"required": ["glob"]}, {"required": ["any"]}]}
        """)
public class QueryMatcherSpec {
  @JsonPropertyDescription(
      "Glob the value must match. OpenShell writes this form as a bare string (tag: \"prod-*\").")
  private String glob;

  @JsonPropertyDescription("Globs of which the value must match at least one.")
  private List<String> any;

  public QueryMatcherSpec() {}

  public QueryMatcherSpec(String glob, List<String> any) {
    this.glob = glob;
    this.any = any;
  }

  // accessors

  public String getGlob() {
    return glob;
  }

  public void setGlob(String glob) {
    this.glob = glob;
  }

  public List<String> getAny() {
    return any;
  }

  public void setAny(List<String> any) {
    this.any = any;
  }
}
