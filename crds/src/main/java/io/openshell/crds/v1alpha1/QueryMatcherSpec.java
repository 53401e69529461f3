package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A value matcher: one glob, or any of several globs (OpenShell's bare string is {glob}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.glob) && has(self.any))",
    message = "matcher cannot specify both glob and any")
@ValidationRule(
    value = "has(self.glob) || has(self.any)",
    message = "matcher must specify glob or any")
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
