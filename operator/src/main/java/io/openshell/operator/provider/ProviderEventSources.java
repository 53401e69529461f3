package io.openshell.operator.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.resolve.KeyNamesOnlySecretStore;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.operator.watch.OldAndNewEventSource;
import java.util.Map;

/**
 * The provider controller's watches: labelled credential Secrets (by name), profiles (by type) and
 * sandboxes (old and new attachments, so a detach releases the in-use finalizer at once).
 */
final class ProviderEventSources {
  private final InformerEventSource<Secret, Provider> secrets;
  private final InformerEventSource<ProviderProfile, Provider> profiles;
  private final InformerEventSource<Sandbox, Provider> sandboxes;

  ProviderEventSources(EventSourceContext<Provider> context) {
    var providers = context.getPrimaryCache();
    providers.addIndexers(
        Map.of(
            ProviderIndexes.BY_SECRET, ProviderIndexes.BY_SECRET_FUNCTION,
            ProviderIndexes.BY_PROFILE, ProviderIndexes.BY_PROFILE_FUNCTION));
    secrets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, Provider.class)
                .withName("credential-secrets")
                .withLabelSelector(Labels.PROVIDER_CREDENTIALS_SELECTOR)
                .withItemStore(new KeyNamesOnlySecretStore())
                .withSecondaryToPrimaryMapper(new SecretToProviderMapper(providers))
                .build(),
            context);
    profiles =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ProviderProfile.class, Provider.class)
                .withName("profiles")
                .withSecondaryToPrimaryMapper(new ProfileToProviderMapper(providers))
                .build(),
            context);
    sandboxes =
        new OldAndNewEventSource<>(
            InformerEventSourceConfiguration.from(Sandbox.class, Provider.class)
                .withName("sandboxes")
                .withSecondaryToPrimaryMapper(new SandboxToProviderMapper())
                .build(),
            context);
    sandboxes.addIndexer(SandboxIndexes.BY_PROVIDER, SandboxIndexes.BY_PROVIDER_FUNCTION);
  }

  InformerEventSource<Secret, Provider> secrets() {
    return secrets;
  }

  InformerEventSource<ProviderProfile, Provider> profiles() {
    return profiles;
  }

  InformerEventSource<Sandbox, Provider> sandboxes() {
    return sandboxes;
  }
}
