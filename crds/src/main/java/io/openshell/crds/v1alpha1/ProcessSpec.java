package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The identity the sandboxed process runs as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProcessSpec {
  @JsonPropertyDescription("'sandbox' or a numeric UID in [1, 4294967294].")
  @ValidationRule(
      value = ProcessSpec.ID_RULE,
      message = "run_as_user must be 'sandbox' or a numeric UID/GID in range [1, 4294967294]",
      messageExpression =
          "'run_as_user must be \\'sandbox\\' or a numeric UID/GID in range [1, 4294967294], got"
              + " \\'' + self + '\\''")
  private String runAsUser;

  @JsonPropertyDescription("'sandbox' or a numeric GID in [1, 4294967294].")
  @ValidationRule(
      value = ProcessSpec.ID_RULE,
      message = "run_as_group must be 'sandbox' or a numeric UID/GID in range [1, 4294967294]",
      messageExpression =
          "'run_as_group must be \\'sandbox\\' or a numeric UID/GID in range [1, 4294967294], got"
              + " \\'' + self + '\\''")
  private String runAsGroup;

  // Ten digits at most, so int() cannot overflow before the range check.
  static final String ID_RULE =
      "self == 'sandbox' || (self.matches('^[0-9]{1,10}$') && int(self) >= 1"
          + " && int(self) <= 4294967294)";

  // accessors

  public String getRunAsUser() {
    return runAsUser;
  }

  public void setRunAsUser(String runAsUser) {
    this.runAsUser = runAsUser;
  }

  public String getRunAsGroup() {
    return runAsGroup;
  }

  public void setRunAsGroup(String runAsGroup) {
    this.runAsGroup = runAsGroup;
  }
}
