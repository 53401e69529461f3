package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.resolve.KeyNamesOnlySecretStore;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.operator.sandbox.pod.SandboxPodResources;
import io.openshell.operator.watch.SpecChangeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox controller's watches: providers, labelled credential Secrets, profiles and settings,
 * each through one mapper that names exactly the sandboxes using the changed input (and marks them
 * pending for the propagation metric), plus the owned ConfigMap and pod resources. Also builds the
 * informer-backed {@link SandboxLookups} the resolver reads.
 */
final class SandboxEventSources {
  private static final SpecChangeFilter SPEC_CHANGES = new SpecChangeFilter();

  private final List<EventSource<?, Sandbox>> sources = new ArrayList<>();
  private final SandboxLookups lookups;

  SandboxEventSources(
      EventSourceContext<Sandbox> context,
      PendingChanges pending,
      PolicyConfigMapDependent configMap,
      SandboxPodResources podResources) {
    var sandboxes = context.getPrimaryCache();
    sandboxes.addIndexer(SandboxIndexes.BY_PROVIDER, SandboxIndexes.BY_PROVIDER_FUNCTION);

    var providers =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Provider.class, Sandbox.class)
                .withName("providers")
                .withOnUpdateFilter(SPEC_CHANGES)
                .withSecondaryToPrimaryMapper(
                    pending.marking(new ProviderToSandboxMapper(sandboxes)))
                .build(),
            context);
    providers.addIndexers(
        Map.of(
            ProviderIndexes.BY_SECRET, ProviderIndexes.BY_SECRET_FUNCTION,
            ProviderIndexes.BY_PROFILE, ProviderIndexes.BY_PROFILE_FUNCTION));
    var secrets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, Sandbox.class)
                .withName("credential-secrets")
                .withLabelSelector(Labels.PROVIDER_CREDENTIALS_SELECTOR)
                .withItemStore(new KeyNamesOnlySecretStore())
                .withSecondaryToPrimaryMapper(
                    pending.marking(new SecretToSandboxMapper(providers, sandboxes)))
                .build(),
            context);
    var profiles =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ProviderProfile.class, Sandbox.class)
                .withName("profiles")
                .withOnUpdateFilter(SPEC_CHANGES)
                .withSecondaryToPrimaryMapper(
                    pending.marking(new ProfileToSandboxMapper(providers, sandboxes)))
                .build(),
            context);
    var settings =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(OpenShellSettings.class, Sandbox.class)
                .withName("settings")
                .withOnUpdateFilter(SPEC_CHANGES)
                .withSecondaryToPrimaryMapper(
                    pending.marking(new SettingsToSandboxMapper(sandboxes)))
                .build(),
            context);
    this.lookups = new InformerSandboxLookups(providers, secrets, profiles, settings);

    sources.add(providers);
    sources.add(secrets);
    sources.add(profiles);
    sources.add(settings);
    sources.addAll(EventSourceUtils.dependentEventSources(context, configMap));
    podResources
        .dependents()
        .forEach(d -> sources.addAll(EventSourceUtils.dependentEventSources(context, d)));
  }

  /** Every event source, in registration order. */
  List<EventSource<?, Sandbox>> sources() {
    return sources;
  }

  /** The resolver's view of providers, Secrets, profiles and settings (the informer caches). */
  SandboxLookups lookups() {
    return lookups;
  }
}
