package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.openshell.crds.read.ReadableSpec;
import java.util.List;

/** A sandbox: its base policy, the providers attached to it and, optionally, its pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {"providers": {"x-kubernetes-list-type": "set"}}}
        """)
public class SandboxSpec extends ReadableSpec {
  /** A DNS-1123 subdomain: what Kubernetes accepts as a Provider name. */
  static final String DNS1123_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  @JsonPropertyDescription(
      "The base policy (OpenShell's SandboxPolicy in camelCase). The operator adds one"
          + " _provider_<name> rule per attached provider to form the effective policy.")
  private SandboxPolicySpec policy;

  @Size(max = 32)
  @JsonPropertyDescription(
      "Names of providers in this namespace attached to the sandbox, at most 32. Layers are"
          + " composed in this order. A set: attach and detach are patches to it, and GitOps tools"
          + " may own it with server-side apply.")
  private List<@Size(max = 253) @Pattern(DNS1123_SUBDOMAIN) String> providers;

  @PreserveUnknownFields
  @SchemaFrom(type = OpaqueObject.class)
  @JsonPropertyDescription(
      "Optional PodTemplateSpec. When set, the operator runs one Pod named after the sandbox from"
          + " it, with the policy-agent sidecar, a per-sandbox ServiceAccount and Role. The schema"
          + " is not expanded here; the API server validates the Pod when it is created.")
  private PodTemplateSpec podTemplate;

  // accessors

  public SandboxPolicySpec getPolicy() {
    return policy;
  }

  public void setPolicy(SandboxPolicySpec policy) {
    this.policy = policy;
  }

  public List<@Size(max = 253) @Pattern(DNS1123_SUBDOMAIN) String> getProviders() {
    return providers;
  }

  public void setProviders(List<@Size(max = 253) @Pattern(DNS1123_SUBDOMAIN) String> providers) {
    this.providers = providers;
  }

  public PodTemplateSpec getPodTemplate() {
    return podTemplate;
  }

  public void setPodTemplate(PodTemplateSpec podTemplate) {
    this.podTemplate = podTemplate;
  }
}
