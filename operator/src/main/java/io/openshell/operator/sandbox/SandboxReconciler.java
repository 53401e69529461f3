package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.operator.Labels;
import io.openshell.operator.observability.ConditionEvents;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.resolve.KeyNamesOnlySecretStore;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.operator.sandbox.pod.SandboxPodResources;
import io.openshell.operator.settings.SettingsProgress;
import io.openshell.operator.status.StatusDiff;
import io.openshell.operator.status.StatusWriter;
import io.openshell.operator.watch.SpecChangeFilter;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox: resolve inputs, compose with policy-core, deliver the ConfigMap (only when accepted),
 * run the optional pod, report status. Watches providers, labelled Secrets, profiles and settings
 * through one mapper per edge, so a change re-composes exactly the sandboxes that use it.
 */
@ControllerConfiguration(name = SandboxReconciler.NAME)
public class SandboxReconciler implements Reconciler<Sandbox> {
  public static final String NAME = "sandbox";

  private static final SpecChangeFilter SPEC_CHANGES = new SpecChangeFilter();
  private static final Logger LOG = LoggerFactory.getLogger(SandboxReconciler.class);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final SandboxInputsResolver resolver;
  private final SandboxStatusFactory statusFactory;
  private final PolicyConfigMapDependent configMap = new PolicyConfigMapDependent();
  private final SandboxPodResources podResources;
  private final SandboxRuntime runtime;
  private volatile SandboxLookups lookups;

  /** Collaborators that outlive one reconcile (metrics, events, progress trackers). */
  public record SandboxRuntime(
      OperatorMetrics metrics,
      ConditionEvents events,
      SettingsProgress settingsProgress,
      PendingChanges pendingChanges) {}

  public SandboxReconciler(
      SandboxInputsResolver resolver,
      SandboxStatusFactory statusFactory,
      String agentImage,
      SandboxRuntime runtime) {
    this.resolver = resolver;
    this.statusFactory = statusFactory;
    this.podResources = new SandboxPodResources(agentImage);
    this.runtime = runtime;
  }

  @Override
  public List<EventSource<?, Sandbox>> prepareEventSources(EventSourceContext<Sandbox> context) {
    var sandboxes = context.getPrimaryCache();
    sandboxes.addIndexer(SandboxIndexes.BY_PROVIDER, SandboxIndexes.BY_PROVIDER_FUNCTION);
    PendingChanges pending = runtime.pendingChanges();

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

    List<EventSource<?, Sandbox>> sources = new ArrayList<>();
    sources.add(providers);
    sources.add(secrets);
    sources.add(profiles);
    sources.add(settings);
    sources.addAll(EventSourceUtils.dependentEventSources(context, configMap));
    podResources
        .dependents()
        .forEach(d -> sources.addAll(EventSourceUtils.dependentEventSources(context, d)));
    return sources;
  }

  @Override
  public UpdateControl<Sandbox> reconcile(Sandbox sandbox, Context<Sandbox> context) {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    ResourceID id = ResourceID.fromResource(sandbox);
    runtime.pendingChanges().waited(id).ifPresent(runtime.metrics()::queuedFor);
    SandboxStatus old = sandbox.getStatus();
    if (old == null
        || !Objects.equals(old.getObservedGeneration(), sandbox.getMetadata().getGeneration())) {
      runtime.pendingChanges().mark(id);
    }

    long start = System.nanoTime();
    Composition composition = compose(sandbox);
    runtime.metrics().compositionTook(System.nanoTime() - start);

    deliver(sandbox, context, composition);
    runtime.settingsProgress().record(id, composition.resolved().settingsGeneration());

    Optional<String> appliedHash = podResources.reconcile(sandbox, context);
    SandboxStatus status =
        statusFactory.build(
            sandbox,
            new SandboxObservation(
                composition.result(),
                composition.resolved().missingProviders(),
                composition.resolved().profilelessProviders(),
                SandboxPodResources.wanted(sandbox),
                appliedHash));
    runtime.metrics().reconciled(NAME, true);
    if (StatusDiff.same(old, status)) {
      runtime.metrics().reconcileCpuTook(CPU.getCurrentThreadCpuTime() - cpuStart);
      return UpdateControl.noUpdate();
    }
    runtime
        .events()
        .record(sandbox, old == null ? null : old.getConditions(), status.getConditions());
    sandbox.setStatus(status);
    long writeStart = System.nanoTime();
    UpdateControl<Sandbox> control = StatusWriter.replaceStatus(context, sandbox);
    runtime.metrics().statusWriteTook(System.nanoTime() - writeStart);
    runtime.metrics().reconcileCpuTook(CPU.getCurrentThreadCpuTime() - cpuStart);
    return control;
  }

  /** Writes the ConfigMap for an accepted composition; leaves it alone for a rejected one. */
  private void deliver(Sandbox sandbox, Context<Sandbox> context, Composition composition) {
    ResourceID id = ResourceID.fromResource(sandbox);
    if (composition.result() instanceof CompositionResult.Composed composed) {
      context
          .managedWorkflowAndDependentResourceContext()
          .put(
              PolicyConfigMapDependent.DOCUMENT,
              composed
                  .effective()
                  .bundle(generationOf(sandbox), composition.resolved().settingsGeneration()));
      long writeStart = System.nanoTime();
      ReconcileResult<?> written = configMap.reconcile(sandbox, context);
      if (written.getSingleOperation() != ReconcileResult.Operation.NONE) {
        runtime.metrics().configMapWriteTook(System.nanoTime() - writeStart);
        runtime.pendingChanges().complete(id).ifPresent(runtime.metrics()::propagationTook);
        LOG.atInfo()
            .addKeyValue("sandbox", id)
            .addKeyValue("hash", composed.effective().policyHash())
            .addKeyValue("layers", composed.effective().layers().size())
            .log("effective policy delivered");
      } else {
        runtime.pendingChanges().discard(id);
      }
      runtime.metrics().layers(composed.effective().layers().size());
    } else {
      // Never widen access on bad input: the ConfigMap keeps its last good content.
      var rejected = (CompositionResult.Rejected) composition.result();
      runtime.pendingChanges().discard(id);
      runtime.metrics().failure(NAME, rejected.violations().get(0).code().reason());
      LOG.atInfo()
          .addKeyValue("sandbox", id)
          .addKeyValue("reason", rejected.violations().get(0).code().reason())
          .log("composition rejected; last good policy kept");
    }
  }

  /** The resolution and the composition outcome. */
  private record Composition(ResolvedSandbox resolved, CompositionResult result) {}

  private Composition compose(Sandbox sandbox) {
    ResolvedSandbox resolved = resolver.resolve(sandbox, lookups);
    return new Composition(resolved, outcome(resolved));
  }

  /** The composition of resolved inputs. */
  static CompositionResult outcome(ResolvedSandbox resolved) {
    if (!resolved.conversionErrors().isEmpty()) {
      // A value the schema let through but OpenShell cannot represent: reject, keep last good.
      return new CompositionResult.Rejected(resolved.conversionErrors(), List.of());
    }
    return PolicyEngine.compose(resolved.inputs());
  }

  private static long generationOf(Sandbox sandbox) {
    Long g = sandbox.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
