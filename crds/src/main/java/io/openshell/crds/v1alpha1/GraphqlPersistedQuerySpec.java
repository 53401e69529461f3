package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

/** A registered GraphQL persisted query. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"operationType": {"enum": ["query", "mutation", "subscription"]}}}
        """)
public class GraphqlPersistedQuerySpec {
  @JsonPropertyDescription("query, mutation or subscription.")
  private String operationType;

  @JsonPropertyDescription("Operation name.")
  private String operationName;

  @JsonPropertyDescription("Root fields.")
  private java.util.List<String> fields;

  // accessors

  public String getOperationType() {
    return operationType;
  }

  public void setOperationType(String operationType) {
    this.operationType = operationType;
  }

  public String getOperationName() {
    return operationName;
  }

  public void setOperationName(String operationName) {
    this.operationName = operationName;
  }

  public java.util.List<String> getFields() {
    return fields;
  }

  public void setFields(java.util.List<String> fields) {
    this.fields = fields;
  }
}
