package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/** Resolution and attachment state. Conditions: ProfileResolved, CredentialsResolved, Ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
}
