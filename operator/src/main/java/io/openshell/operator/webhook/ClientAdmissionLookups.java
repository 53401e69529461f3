package io.openshell.operator.webhook;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.resolve.SecretKeys;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.settings.SettingsNames;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Admission lookups read from the API server for each review. Why not the operator's caches: the
 * webhook may run on a replica that is not the leader, whose controllers (and caches) are idle.
 */
public final class ClientAdmissionLookups implements AdmissionLookups {
  private final KubernetesClient client;

  public ClientAdmissionLookups(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(Provider.class).inNamespace(namespace).withName(name).get());
  }

  @Override
  public Optional<SecretKeys> credentialsSecret(String namespace, String name) {
    // Only opted-in Secrets, as the operator's informer sees them (SecretKeys applies the label).
    return SecretKeys.ofCredentialsSecret(
        client.secrets().inNamespace(namespace).withName(name).get());
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    return client.resources(ProviderProfile.class).list().getItems();
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    return Optional.ofNullable(
        client.resources(OpenShellSettings.class).withName(SettingsNames.SINGLETON).get());
  }

  @Override
  public List<Sandbox> sandboxes() {
    return client.resources(Sandbox.class).inAnyNamespace().list().getItems();
  }

  @Override
  public List<Provider> providers() {
    return client.resources(Provider.class).inAnyNamespace().list().getItems();
  }
}
