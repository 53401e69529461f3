package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
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

/** A credential record of one profile type (namespaced), attachable to sandboxes. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ProviderProfile.GROUP)
@Version(ProviderProfile.VERSION)
@Kind("Provider")
@Plural("providers")
@Singular("provider")
@ShortNames("osprov")
@Categories("openshell")
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.type",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Attached",
    jsonPath = ".status.attachedCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"description": "A credential record of one profile type (namespaced). Attach it to a Sandbox in the same namespace by listing its name in spec.providers.",
         "properties": {
           "spec": {"description": "The profile type and where the credentials come from."},
           "status": {"description": "Profile and credential resolution (conditions ProfileResolved, CredentialsResolved, Ready) and the sandboxes it is attached to."}}}
        """)
public class Provider extends CustomResource<ProviderSpec, ProviderStatus> implements Namespaced {
  /** Reads the spec so that a bad stored value becomes a read problem, not a failed informer. */
  public static final class SpecReader extends TolerantReader<ProviderSpec> {
    public SpecReader() {
      super(ProviderSpec.class, "spec");
    }
  }

  /** Reads the status; an unreadable status field is dropped (the operator rewrites it). */
  public static final class StatusReader extends TolerantReader<ProviderStatus> {
    public StatusReader() {
      super(ProviderStatus.class, "status");
    }
  }

  @Override
  @JsonDeserialize(using = SpecReader.class)
  public void setSpec(ProviderSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = StatusReader.class)
  public void setStatus(ProviderStatus status) {
    super.setStatus(status);
  }

  /** Opt-in label a credentials Secret must carry ({@code "true"}). */
  public static final String CREDENTIALS_LABEL = "openshell.io/provider-credentials";
}
