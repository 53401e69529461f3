package io.openshell.operator.provider;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.openshell.crds.resolve.ProfileCatalogs;
import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderStatus;
import io.openshell.operator.Labels;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.operator.status.StatusUpdate;
import io.openshell.policy.Violation;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.compose.InUse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider: resolves its profile (aliases applied) and its Secret's key names, lists the sandboxes
 * that attach it, and blocks its deletion while any does (finalizer {@code
 * openshell.io/in-use-protection}).
 */
@ControllerConfiguration(name = ProviderReconciler.NAME, finalizerName = Labels.IN_USE_FINALIZER)
public class ProviderReconciler implements Reconciler<Provider>, Cleaner<Provider> {
  public static final String NAME = "provider";
  private static final Logger LOG = LoggerFactory.getLogger(ProviderReconciler.class);

  private final ProviderStatusFactory statusFactory;
  private final OperatorMetrics metrics;
  private final StatusUpdate statusUpdate;
  private final Duration inUseRecheck;
  private volatile ProviderEventSources sources;

  public ProviderReconciler(
      ProviderStatusFactory statusFactory,
      OperatorMetrics metrics,
      StatusUpdate statusUpdate,
      Duration inUseRecheck) {
    this.statusFactory = statusFactory;
    this.metrics = metrics;
    this.statusUpdate = statusUpdate;
    this.inUseRecheck = inUseRecheck;
  }

  @Override
  public List<EventSource<?, Provider>> prepareEventSources(EventSourceContext<Provider> context) {
    sources = new ProviderEventSources(context);
    return List.of(sources.secrets(), sources.profiles(), sources.sandboxes());
  }

  @Override
  public UpdateControl<Provider> reconcile(Provider provider, Context<Provider> context) {
    var unreadable = statusUpdate.invalidSpec(provider, ProviderStatus::new, NAME, context);
    if (unreadable.isPresent()) {
      return unreadable.get();
    }
    Optional<Violation> typeChanged = ProviderTypeAnnotation.check(provider, context.getClient());
    if (typeChanged.isPresent()) {
      Violation v = typeChanged.get();
      return statusUpdate.notReady(
          provider, ProviderStatus::new, NAME, v.code().reason(), v.message(), context);
    }
    ProviderStatus status = statusFactory.build(provider, observe(provider, Optional.empty()));
    metrics.reconciled(NAME, true);
    return statusUpdate.writeIfChanged(provider, status, context);
  }

  @Override
  public ErrorStatusUpdateControl<Provider> updateErrorStatus(
      Provider provider, Context<Provider> context, Exception e) {
    return statusUpdate.failed(provider, ProviderStatus::new, NAME, context, e);
  }

  @Override
  public DeleteControl cleanup(Provider provider, Context<Provider> context) {
    List<String> users = attachedTo(provider);
    Optional<Violation> inUse =
        InUse.providerAttached(provider.getMetadata().getName(), byUser(provider, users));
    if (inUse.isEmpty()) {
      return DeleteControl.defaultDelete();
    }
    ProviderStatus status =
        statusFactory.build(provider, observe(provider, Optional.of(inUse.get().message())));
    statusUpdate.writeIfChanged(provider, status, context.getClient());
    LOG.atInfo()
        .addKeyValue("provider", ResourceID.fromResource(provider))
        .addKeyValue("sandboxes", users.size())
        .log("delete blocked while attached");
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(inUseRecheck);
  }

  private ProviderObservation observe(Provider provider, Optional<String> inUseMessage) {
    var catalog = ProfileCatalogs.of(sources.profiles().list().toList());
    String type = provider.getSpec() == null ? null : provider.getSpec().getType();
    Optional<CatalogEntry> entry = type == null ? Optional.empty() : catalog.forProviderType(type);
    var profileObject = entry.flatMap(e -> sources.profiles().get(new ResourceID(e.id())));
    var secret =
        ProviderRecords.secretName(provider)
            .flatMap(
                s ->
                    sources
                        .secrets()
                        .get(new ResourceID(s, provider.getMetadata().getNamespace())));
    return new ProviderObservation(
        entry, profileObject, secret, attachedTo(provider), inUseMessage);
  }

  private List<String> attachedTo(Provider provider) {
    return sources
        .sandboxes()
        .byIndex(
            SandboxIndexes.BY_PROVIDER,
            SandboxIndexes.providerKey(
                provider.getMetadata().getNamespace(), provider.getMetadata().getName()))
        .stream()
        .map(s -> s.getMetadata().getName())
        .sorted()
        .distinct()
        .toList();
  }

  private static Map<String, List<String>> byUser(Provider provider, List<String> users) {
    Map<String, List<String>> map = new TreeMap<>();
    users.forEach(u -> map.put(u, List.of(provider.getMetadata().getName())));
    return map;
  }
}
