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

/** A provider type (cluster-scoped): its name is the OpenShell profile id. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ProviderProfile.GROUP)
@Version(ProviderProfile.VERSION)
@Kind("ProviderProfile")
@Plural("providerprofiles")
@Singular("providerprofile")
@ShortNames("osprof")
@Categories("openshell")
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z0-9]+(-[a-z0-9]+)*$')",
    message = "provider profile id must be lowercase kebab-case using only a-z, 0-9, and '-'")
@ValidationRule(
    value = "self.metadata.name.size() <= 63",
    message = "provider profile id must be at most 63 characters")
@AdditionalPrinterColumn(
    name = "Display Name",
    jsonPath = ".spec.displayName",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Category",
    jsonPath = ".spec.category",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Source",
    jsonPath = ".metadata.labels.openshell\\.io/source",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Accepted",
    jsonPath = ".status.conditions[?(@.type==\"Accepted\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"description": "A provider type (cluster-scoped): the credentials, endpoints and binaries a provider of this type needs. metadata.name is the OpenShell profile id; metadata.annotations carry its annotations. The 13 built-ins carry the label openshell.io/source: builtin and are read-only.",
         "properties": {
           "spec": {"description": "What a provider of this type needs; attaching such a provider to a sandbox adds a _provider_<name> network policy rule built from endpoints and binaries."},
           "status": {"description": "Lint result (conditions Accepted, Ready; diagnostics) and usage."}}}
        """)
public class ProviderProfile extends CustomResource<ProviderProfileSpec, ProviderProfileStatus> {
  /** Reads the spec so that a bad stored value becomes a read problem, not a failed informer. */
  public static final class SpecReader extends TolerantReader<ProviderProfileSpec> {
    public SpecReader() {
      super(ProviderProfileSpec.class, "spec");
    }
  }

  /** Reads the status; an unreadable status field is dropped (the operator rewrites it). */
  public static final class StatusReader extends TolerantReader<ProviderProfileStatus> {
    public StatusReader() {
      super(ProviderProfileStatus.class, "status");
    }
  }

  @Override
  @JsonDeserialize(using = SpecReader.class)
  public void setSpec(ProviderProfileSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = StatusReader.class)
  public void setStatus(ProviderProfileStatus status) {
    super.setStatus(status);
  }

  public static final String GROUP = "openshell.io";
  public static final String VERSION = "v1alpha1";

  /** Label that marks the 13 built-in profiles ({@code builtin}); absent or {@code user} else. */
  public static final String SOURCE_LABEL = "openshell.io/source";
}
