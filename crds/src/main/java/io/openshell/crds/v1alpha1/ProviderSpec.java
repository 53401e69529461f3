package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.openshell.crds.read.ReadableSpec;
import java.util.Map;

/**
 * A credential record of one profile type. Exactly one of credentialsSecretRef and
 * runtimeCredentials: true is set: OpenShell refuses a provider without credentials unless its
 * profile mints them at runtime, and a runtime-credential provider stores none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value =
        "!(has(self.credentialsSecretRef) && has(self.runtimeCredentials) && self.runtimeCredentials)",
    message =
        "credentialsSecretRef and runtimeCredentials are mutually exclusive: a provider with"
            + " runtime credentials stores none")
@ValidationRule(
    value =
        "has(self.credentialsSecretRef) || (has(self.runtimeCredentials) && self.runtimeCredentials)",
    message =
        "provider.credentials must not be empty: set credentialsSecretRef, or runtimeCredentials:"
            + " true when the profile resolves its credentials at runtime")
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"credentialExpiresAt": {"additionalProperties": {"format": "date-time"}}}}
        """)
public class ProviderSpec extends ReadableSpec {
  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription(
      "Profile id of this provider (OpenShell aliases accepted: gh, claude, ...). Immutable.")
  @ValidationRule(
      value = "self == oldSelf",
      message = "provider type cannot be changed; delete and recreate the provider")
  private String type;

  @JsonPropertyDescription(
      "Secret in this namespace holding the credentials: each key an environment variable name,"
          + " each value its credential. The Secret must carry the label"
          + " openshell.io/provider-credentials: \"true\". Values are never copied anywhere.")
  private SecretReference credentialsSecretRef;

  @JsonPropertyDescription(
      "The provider stores no credentials; the gateway mints them at runtime (only for profiles"
          + " whose required credentials are runtime-resolvable).")
  private Boolean runtimeCredentials;

  @Size(max = 64)
  @JsonPropertyDescription("Non-secret configuration, at most 64 entries.")
  private Map<String, String> config;

  @Size(max = 32)
  @JsonPropertyDescription("Credential key to expiry time (RFC 3339), at most 32 entries.")
  private Map<String, String> credentialExpiresAt;

  // accessors

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public Boolean getRuntimeCredentials() {
    return runtimeCredentials;
  }

  public void setRuntimeCredentials(Boolean runtimeCredentials) {
    this.runtimeCredentials = runtimeCredentials;
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = config;
  }

  public Map<String, String> getCredentialExpiresAt() {
    return credentialExpiresAt;
  }

  public void setCredentialExpiresAt(Map<String, String> credentialExpiresAt) {
    this.credentialExpiresAt = credentialExpiresAt;
  }
}
