package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import java.util.Collection;
import java.util.Optional;

/**
 * Read access to the objects a sandbox's composition depends on (informer caches in production).
 */
public interface SandboxLookups {
  /** The provider {@code name} in {@code namespace}. */
  Optional<Provider> provider(String namespace, String name);

  /** The labelled credentials Secret {@code name} in {@code namespace}. */
  Optional<Secret> credentialsSecret(String namespace, String name);

  /** Every ProviderProfile object. */
  Collection<ProviderProfile> profiles();

  /** The {@code cluster} settings object, if it exists. */
  Optional<OpenShellSettings> settings();
}
