package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SecretKeys;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.settings.SettingsNames;
import java.util.Collection;
import java.util.Optional;

/**
 * Lookups over the sandbox controller's informer caches, by name (not through JOSDK's
 * secondary-resource index, which reflects the mapping at the secondary's last event and so can
 * miss a provider attached since).
 */
record InformerSandboxLookups(
    InformerEventSource<Provider, Sandbox> providerSource,
    InformerEventSource<Secret, Sandbox> secretSource,
    InformerEventSource<ProviderProfile, Sandbox> profileSource,
    InformerEventSource<OpenShellSettings, Sandbox> settingsSource)
    implements SandboxLookups {
  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return providerSource.get(new ResourceID(name, namespace));
  }

  @Override
  public Optional<SecretKeys> credentialsSecret(String namespace, String name) {
    return secretSource
        .get(new ResourceID(name, namespace))
        .flatMap(SecretKeys::ofCredentialsSecret);
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    return profileSource.list().toList();
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    return settingsSource.get(new ResourceID(SettingsNames.SINGLETON));
  }
}
