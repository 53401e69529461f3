package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.openshell.crds.read.TolerantReader;

/** Gateway-global settings (cluster-scoped singleton named {@code cluster}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ProviderProfile.GROUP)
@Version(ProviderProfile.VERSION)
@Kind("OpenShellSettings")
@Plural("openshellsettings")
@Singular("openshellsettings")
@ShortNames("osset")
@Categories("openshell")
@ValidationRule(
    value = "self.metadata.name == 'cluster'",
    message = "OpenShellSettings is a singleton: metadata.name must be 'cluster'")
@AdditionalPrinterColumn(
    name = "V2",
    jsonPath = ".spec.providersV2Enabled",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Global",
    jsonPath = ".spec.globalPolicy.version",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Version of the global policy; empty when no global policy is set")
@AdditionalPrinterColumn(
    name = "Applied",
    jsonPath = ".status.conditions[?(@.type==\"Applied\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"description": "Gateway-global settings (cluster-scoped singleton named 'cluster'). A missing object means the defaults.",
         "properties": {
           "spec": {"description": "Provider composition switch and optional global policy."},
           "status": {"description": "Re-composition progress (condition Applied)."}}}
        """)
public class OpenShellSettings
    extends CustomResource<OpenShellSettingsSpec, OpenShellSettingsStatus> {
  /** Reads the spec so that a bad stored value becomes a read problem, not a failed informer. */
  public static final class SpecReader extends TolerantReader<OpenShellSettingsSpec> {
    public SpecReader() {
      super(OpenShellSettingsSpec.class, "spec");
    }
  }

  /** Reads the status; an unreadable status field is dropped (the operator rewrites it). */
  public static final class StatusReader extends TolerantReader<OpenShellSettingsStatus> {
    public StatusReader() {
      super(OpenShellSettingsStatus.class, "status");
    }
  }

  @Override
  @JsonDeserialize(using = SpecReader.class)
  public void setSpec(OpenShellSettingsSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = StatusReader.class)
  public void setStatus(OpenShellSettingsStatus status) {
    super.setStatus(status);
  }

  /** The one allowed name. */
  public static final String NAME = "cluster";
}
