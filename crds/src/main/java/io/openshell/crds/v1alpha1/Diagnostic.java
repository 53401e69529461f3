package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One lint finding, as OpenShell's profile lint prints it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Diagnostic {
  @JsonPropertyDescription("error or warning.")
  private String severity;

  @JsonPropertyDescription(
      "OpenShell field path (credentials.env_vars), empty for the whole profile.")
  private String field;

  @JsonPropertyDescription("OpenShell's message.")
  private String message;

  public Diagnostic() {}

  public Diagnostic(String severity, String field, String message) {
    this.severity = severity;
    this.field = field;
    this.message = message;
  }

  // accessors

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
