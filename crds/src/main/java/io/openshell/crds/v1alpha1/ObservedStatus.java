package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Status fields every kind shares: the generation last acted on and standard conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ObservedStatus {
  @JsonPropertyDescription(
      "The metadata.generation this status was computed from. Compare with metadata.generation to"
          + " know whether the operator has caught up with the latest spec.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Standard conditions (one per type). Reasons are CamelCase constants; messages carry"
          + " OpenShell's texts.")
  private List<Condition> conditions = new ArrayList<>();

  /** The condition of this type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
