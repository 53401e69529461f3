package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Landlock paths the sandbox may read or write. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FilesystemPolicySpec {
  @JsonPropertyDescription("Whether the working directory is writable.")
  private Boolean includeWorkdir;

  @JsonPropertyDescription("Absolute paths the sandbox may read.")
  private List<String> readOnly;

  @JsonPropertyDescription("Absolute paths the sandbox may write ('/' alone is refused).")
  private List<String> readWrite;

  // accessors

  public Boolean getIncludeWorkdir() {
    return includeWorkdir;
  }

  public void setIncludeWorkdir(Boolean includeWorkdir) {
    this.includeWorkdir = includeWorkdir;
  }

  public List<String> getReadOnly() {
    return readOnly;
  }

  public void setReadOnly(List<String> readOnly) {
    this.readOnly = readOnly;
  }

  public List<String> getReadWrite() {
    return readWrite;
  }

  public void setReadWrite(List<String> readWrite) {
    this.readWrite = readWrite;
  }
}
