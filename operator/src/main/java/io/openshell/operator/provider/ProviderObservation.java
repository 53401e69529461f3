package io.openshell.operator.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.policy.catalog.CatalogEntry;
import java.util.List;
import java.util.Optional;

/**
 * What a provider reconcile found.
 *
 * @param profile the catalog entry its type resolves to
 * @param profileObject the ProviderProfile object of that id, when one exists
 * @param secret its labelled credentials Secret, when it exists
 * @param attachedTo names of the sandboxes of its namespace that attach it, sorted
 * @param inUseMessage when a delete is blocked: OpenShell's in-use message
 */
public record ProviderObservation(
    Optional<CatalogEntry> profile,
    Optional<ProviderProfile> profileObject,
    Optional<Secret> secret,
    List<String> attachedTo,
    Optional<String> inUseMessage) {
  public ProviderObservation {
    attachedTo = List.copyOf(attachedTo);
  }
}
