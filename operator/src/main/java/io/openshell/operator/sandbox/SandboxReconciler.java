package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.sandbox.pod.AgentSidecar;
import io.openshell.operator.sandbox.pod.SandboxPodResources;
import io.openshell.operator.settings.SettingsProgress;
import io.openshell.operator.status.StatusUpdate;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sandbox: resolve inputs, compose with policy-core, deliver the ConfigMap (only when accepted),
 * run the optional pod, report status. Watches providers, labelled Secrets, profiles and settings
 * through one mapper per edge, so a change re-composes exactly the sandboxes that use it.
 */
@ControllerConfiguration(name = SandboxReconciler.NAME)
public class SandboxReconciler implements Reconciler<Sandbox> {
  public static final String NAME = "sandbox";

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final SandboxInputsResolver resolver;
  private final SandboxStatusFactory statusFactory;
  private final PolicyConfigMapDependent configMap = new PolicyConfigMapDependent();
  private final SandboxPodResources podResources;
  private final SandboxRuntime runtime;
  private final PolicyDelivery delivery;
  private volatile SandboxLookups lookups;

  /** Collaborators that outlive one reconcile (metrics, events, progress trackers). */
  public record SandboxRuntime(
      OperatorMetrics metrics,
      StatusUpdate status,
      SettingsProgress settingsProgress,
      PendingChanges pendingChanges) {}

  public SandboxReconciler(
      SandboxInputsResolver resolver,
      SandboxStatusFactory statusFactory,
      AgentSidecar agent,
      SandboxRuntime runtime) {
    this.resolver = resolver;
    this.statusFactory = statusFactory;
    this.podResources = new SandboxPodResources(agent);
    this.runtime = runtime;
    this.delivery = new PolicyDelivery(configMap, runtime.metrics(), runtime.pendingChanges());
  }

  @Override
  public List<EventSource<?, Sandbox>> prepareEventSources(EventSourceContext<Sandbox> context) {
    var eventSources =
        new SandboxEventSources(context, runtime.pendingChanges(), configMap, podResources);
    this.lookups = eventSources.lookups();
    return eventSources.sources();
  }

  @Override
  public ErrorStatusUpdateControl<Sandbox> updateErrorStatus(
      Sandbox sandbox, Context<Sandbox> context, Exception e) {
    return runtime.status().failed(sandbox, SandboxStatus::new, NAME, context, e);
  }

  @Override
  public UpdateControl<Sandbox> reconcile(Sandbox sandbox, Context<Sandbox> context) {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    ResourceID id = ResourceID.fromResource(sandbox);
    runtime.pendingChanges().waited(id).ifPresent(runtime.metrics()::queuedFor);
    var unreadable = runtime.status().invalidSpec(sandbox, SandboxStatus::new, NAME, context);
    if (unreadable.isPresent()) {
      // Nothing is derived from a spec that cannot be read: ConfigMap and pod keep their state.
      runtime.pendingChanges().discard(id);
      runtime.settingsProgress().skip(id);
      return unreadable.get();
    }
    SandboxStatus old = sandbox.getStatus();
    if (old == null
        || !Objects.equals(old.getObservedGeneration(), sandbox.getMetadata().getGeneration())) {
      runtime.pendingChanges().mark(id);
    }

    long start = System.nanoTime();
    Composition composition = compose(sandbox);
    runtime.metrics().compositionTook(System.nanoTime() - start);

    delivery.deliver(
        sandbox, context, composition.result(), composition.resolved().settingsGeneration());
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
                appliedHash,
                CredentialGaps.of(sandbox, lookups)));
    runtime.metrics().reconciled(NAME, true);
    long writeStart = System.nanoTime();
    UpdateControl<Sandbox> control = runtime.status().writeIfChanged(sandbox, status, context);
    if (sandbox.getStatus() == status) {
      runtime.metrics().statusWriteTook(System.nanoTime() - writeStart);
    }
    runtime.metrics().reconcileCpuTook(CPU.getCurrentThreadCpuTime() - cpuStart);
    return control;
  }

  /** The resolution and the composition outcome. */
  private record Composition(ResolvedSandbox resolved, CompositionResult result) {}

  private Composition compose(Sandbox sandbox) {
    ResolvedSandbox resolved = resolver.resolve(sandbox, lookups);
    List<Violation> unreadable = UnusableInputs.of(sandbox, lookups);
    if (!unreadable.isEmpty()) {
      return new Composition(resolved, new CompositionResult.Rejected(unreadable, List.of()));
    }
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
}
