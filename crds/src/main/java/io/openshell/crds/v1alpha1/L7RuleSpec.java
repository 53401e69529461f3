package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One entry of an endpoint's rules: {allow: ...}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class L7RuleSpec {
  @Required
  @JsonPropertyDescription("What the rule allows.")
  private L7MatchSpec allow;

  public L7RuleSpec() {}

  public L7RuleSpec(L7MatchSpec allow) {
    this.allow = allow;
  }

  // accessors

  public L7MatchSpec getAllow() {
    return allow;
  }

  public void setAllow(L7MatchSpec allow) {
    this.allow = allow;
  }
}
