package io.openshell.operator.profile;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.resolve.ProfileCatalogs;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.ProviderProfileStatus;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.operator.status.StatusUpdate;
import io.openshell.operator.watch.OldAndNewEventSource;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.InUse;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.lint.ProfileLint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ProviderProfile: lints it ({@code Accepted} + diagnostics), counts its users, keeps built-ins
 * intact and blocks deletion while a sandbox uses it (finalizer {@code
 * openshell.io/in-use-protection}). Not generation-aware: a removed built-in label changes no
 * generation but must still be restored.
 */
@ControllerConfiguration(
    name = ProviderProfileReconciler.NAME,
    finalizerName = Labels.IN_USE_FINALIZER,
    generationAwareEventProcessing = false)
public class ProviderProfileReconciler
    implements Reconciler<ProviderProfile>, Cleaner<ProviderProfile> {
  public static final String NAME = "providerprofile";

  private final ProfileStatusFactory statusFactory;
  private final BuiltinProfileInstaller builtins;
  private final OperatorMetrics metrics;
  private final StatusUpdate statusUpdate;
  private final Clock clock;
  private final Duration inUseRecheck;
  private volatile InformerEventSource<Provider, ProviderProfile> providers;
  private volatile InformerEventSource<Sandbox, ProviderProfile> sandboxes;

  public ProviderProfileReconciler(
      ProfileStatusFactory statusFactory,
      BuiltinProfileInstaller builtins,
      OperatorMetrics metrics,
      StatusUpdate statusUpdate,
      Clock clock,
      Duration inUseRecheck) {
    this.statusFactory = statusFactory;
    this.builtins = builtins;
    this.metrics = metrics;
    this.statusUpdate = statusUpdate;
    this.clock = clock;
    this.inUseRecheck = inUseRecheck;
  }

  @Override
  public List<EventSource<?, ProviderProfile>> prepareEventSources(
      EventSourceContext<ProviderProfile> context) {
    providers =
        new OldAndNewEventSource<>(
            InformerEventSourceConfiguration.from(Provider.class, ProviderProfile.class)
                .withName("providers")
                .withSecondaryToPrimaryMapper(new ProviderToProfileMapper())
                .build(),
            context);
    providers.addIndexer(ProviderIndexes.BY_PROFILE, ProviderIndexes.BY_PROFILE_FUNCTION);
    sandboxes =
        new OldAndNewEventSource<>(
            InformerEventSourceConfiguration.from(Sandbox.class, ProviderProfile.class)
                .withName("sandboxes")
                .withSecondaryToPrimaryMapper(new SandboxToProfileMapper(providers))
                .build(),
            context);
    sandboxes.addIndexer(SandboxIndexes.BY_PROVIDER, SandboxIndexes.BY_PROVIDER_FUNCTION);
    return List.of(providers, sandboxes);
  }

  @Override
  public UpdateControl<ProviderProfile> reconcile(
      ProviderProfile profile, Context<ProviderProfile> context) {
    if (ProfileCatalogs.isBuiltin(profile) && BuiltinProfileInstaller.drifted(profile)) {
      // The restoring update brings a new event; status follows on that reconcile.
      builtins.restore(profile);
      return UpdateControl.noUpdate();
    }
    var unreadable = statusUpdate.invalidSpec(profile, ProviderProfileStatus::new, NAME, context);
    if (unreadable.isPresent()) {
      return unreadable.get();
    }
    ProviderProfileStatus status = statusFactory.build(profile, observe(profile, Optional.empty()));
    metrics.reconciled(NAME, true);
    return statusUpdate.writeIfChanged(profile, status, context);
  }

  @Override
  public ErrorStatusUpdateControl<ProviderProfile> updateErrorStatus(
      ProviderProfile profile, Context<ProviderProfile> context, Exception e) {
    return statusUpdate.failed(profile, ProviderProfileStatus::new, NAME, context, e);
  }

  @Override
  public DeleteControl cleanup(ProviderProfile profile, Context<ProviderProfile> context) {
    String id = profile.getMetadata().getName();
    Optional<Violation> inUse =
        InUse.profileInUse(id, ProfileUsers.of(id, providers, sandboxes, clock.instant()));
    if (inUse.isEmpty()) {
      if (ProfileCatalogs.isBuiltin(profile)) {
        builtins.recreateWhenGone(id);
      }
      return DeleteControl.defaultDelete();
    }
    ProviderProfileStatus status =
        statusFactory.build(profile, observe(profile, Optional.of(inUse.get().message())));
    statusUpdate.writeIfChanged(profile, status, context.getClient());
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(inUseRecheck);
  }

  private ProfileObservation observe(ProviderProfile profile, Optional<String> inUseMessage) {
    String id = profile.getMetadata().getName();
    List<Provider> typed = providers.byIndex(ProviderIndexes.BY_PROFILE, id);
    List<SandboxInputs> users = ProfileUsers.of(id, providers, sandboxes, clock.instant());
    return new ProfileObservation(lint(profile), typed.size(), users.size(), inUseMessage);
  }

  private static List<Violation> lint(ProviderProfile profile) {
    var conversion = ProfileConverter.toModel(profile);
    List<Violation> findings = new ArrayList<>(conversion.violations());
    if (!conversion.hasErrors()) {
      findings.addAll(ProfileLint.lintProfile(conversion.value()));
    }
    return findings;
  }
}
