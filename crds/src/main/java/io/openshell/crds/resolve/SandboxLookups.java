package io.openshell.crds.resolve;

import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import java.util.Collection;
import java.util.Optional;

/**
 * Read access to the objects a sandbox's composition depends on. The operator implements it over
 * its informer caches, the admission webhook over API reads per review, the kubectl plugin over its
 * typed client reads; {@link SandboxInputsResolver} turns what they return into policy-core's
 * inputs with one set of rules.
 *
 * <p>Implementations only read: they decide nothing. In particular an implementation that cannot
 * read a Secret (missing, forbidden, unlabelled) answers empty; it never substitutes other key
 * names (such as a provider's {@code status.credentialKeys}).
 */
public interface SandboxLookups {
  /** The provider {@code name} in {@code namespace}. */
  Optional<Provider> provider(String namespace, String name);

  /**
   * The key names of the credentials Secret {@code name} in {@code namespace}: empty when it does
   * not exist, cannot be read, or does not carry the opt-in label (use {@link
   * SecretKeys#ofCredentialsSecret} on the Secret read, which applies that rule).
   */
  Optional<SecretKeys> credentialsSecret(String namespace, String name);

  /** Every ProviderProfile object (the resolver drops built-in ids and objects being deleted). */
  Collection<ProviderProfile> profiles();

  /** The {@code cluster} settings object, if it exists. */
  Optional<OpenShellSettings> settings();
}
