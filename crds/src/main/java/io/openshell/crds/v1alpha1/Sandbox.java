package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.openshell.crds.read.TolerantReader;

/** An OpenShell sandbox (namespaced): base policy, attached providers, optional pod. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ProviderProfile.GROUP)
@Version(ProviderProfile.VERSION)
@Kind("Sandbox")
@Plural("sandboxes")
@Singular("sandbox")
@ShortNames("ossbx")
@Categories("openshell")
@ValidationRule(
    value =
        "self.metadata.name.size() <= 63"
            + " && self.metadata.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
    message =
        "sandbox name must be a DNS-1123 label (at most 63 lowercase alphanumerics or '-',"
            + " starting and ending with an alphanumeric) because it names the pod")
@AdditionalPrinterColumn(
    name = "Providers",
    jsonPath = ".spec.providers",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Hash",
    jsonPath = ".status.effectivePolicy.hash",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Composed",
    jsonPath = ".status.conditions[?(@.type==\"PolicyComposed\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Applied",
    jsonPath = ".status.conditions[?(@.type==\"PolicyApplied\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"description": "An OpenShell sandbox (namespaced): a base policy, the providers attached to it and, optionally, its pod. The operator composes the effective policy into the ConfigMap openshell-policy-<name>.",
         "properties": {
           "spec": {"description": "Base policy, attached providers and optional pod template."},
           "status": {"description": "Composition and delivery state (conditions ProvidersResolved, PolicyComposed, PolicyApplied, Ready) and the effective policy."}}}
        """)
public class Sandbox extends CustomResource<SandboxSpec, SandboxStatus> implements Namespaced {
  /** Reads the spec so that a bad stored value becomes a read problem, not a failed informer. */
  public static final class SpecReader extends TolerantReader<SandboxSpec> {
    public SpecReader() {
      super(SandboxSpec.class, "spec");
    }
  }

  /** Reads the status; an unreadable status field is dropped (the operator rewrites it). */
  public static final class StatusReader extends TolerantReader<SandboxStatus> {
    public StatusReader() {
      super(SandboxStatus.class, "status");
    }
  }

  @Override
  @JsonDeserialize(using = SpecReader.class)
  public void setSpec(SandboxSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = StatusReader.class)
  public void setStatus(SandboxStatus status) {
    super.setStatus(status);
  }
}
