package io.openshell.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.operator.observability.HealthServer;
import io.openshell.operator.observability.InformerFailures;
import io.openshell.operator.observability.OperatorMetrics;
import io.openshell.operator.profile.BuiltinProfileInstaller;
import io.openshell.operator.profile.ProfileStatusFactory;
import io.openshell.operator.profile.ProviderProfileReconciler;
import io.openshell.operator.provider.ProviderReconciler;
import io.openshell.operator.provider.ProviderStatusFactory;
import io.openshell.operator.sandbox.PendingChanges;
import io.openshell.operator.sandbox.SandboxReconciler;
import io.openshell.operator.sandbox.SandboxStatusFactory;
import io.openshell.operator.sandbox.pod.AgentSidecar;
import io.openshell.operator.settings.SettingsProgress;
import io.openshell.operator.settings.SettingsReconciler;
import io.openshell.operator.settings.SettingsStatusFactory;
import io.openshell.operator.status.ConditionEvents;
import io.openshell.operator.status.StatusUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: the four controllers on one JOSDK {@link Operator}, the built-in profile
 * installer and the health/metrics endpoint. Used by {@link OperatorMain} and by the tests.
 */
public final class OpenShellOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenShellOperator.class);

  private final Operator operator;
  private final BuiltinProfileInstaller builtins;
  private final HealthServer health;
  private final PrometheusMeterRegistry registry;
  private final KubernetesClient client;
  private final LeaderLease lease;

  private OpenShellOperator(
      Operator operator,
      BuiltinProfileInstaller builtins,
      HealthServer health,
      PrometheusMeterRegistry registry,
      KubernetesClient client,
      LeaderLease lease) {
    this.operator = operator;
    this.builtins = builtins;
    this.health = health;
    this.registry = registry;
    this.client = client;
    this.lease = lease;
  }

  /**
   * Installs the built-in profiles, registers the controllers and starts them.
   *
   * @param client the API client (not closed on stop)
   * @param config operator settings
   * @param clock time source for conditions and credential expiry
   */
  public static OpenShellOperator start(
      KubernetesClient client, OperatorConfig config, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry);
    ConditionEvents events = new ConditionEvents(client, config.namespace(), clock);
    StatusUpdate statusUpdate = new StatusUpdate(events, metrics, clock);
    BuiltinProfileInstaller builtins = new BuiltinProfileInstaller(client);
    Runnable installBuiltins = config.installBuiltinProfiles() ? builtins::installAll : () -> {};
    LeaderLease lease =
        config.leaderElection()
            ? new LeaderLease(config.leaseName(), config.namespace(), System.getenv())
            : null;
    InformerFailures informerFailures = new InformerFailures(metrics);

    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  // Plain create/update/patch everywhere: what runs is what the mock can test
                  // (no server-side apply there), see docs/operator-decisions.md.
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withDefaultNonSSAResource(
                      Set.of(
                          ConfigMap.class,
                          Pod.class,
                          ServiceAccount.class,
                          Role.class,
                          RoleBinding.class,
                          Secret.class))
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                  // No stored object and no broken watch frame may stop the operator: objects
                  // are read tolerantly (crds TolerantReader), informers retry other errors, and
                  // an informer that still stops is reported instead of exiting the JVM.
                  .withResourceCloner(new ReadProblemsCloner(client))
                  .withStopOnInformerErrorDuringStartup(false)
                  .withInformerStoppedHandler(informerFailures);
              if (lease != null) {
                // Only the leader writes, the built-in profiles included.
                o.withLeaderElectionConfiguration(lease.configuration(installBuiltins));
              }
            });
    if (lease == null) {
      installBuiltins.run();
    }
    SettingsProgress progress = new SettingsProgress();
    operator.register(
        new ProviderProfileReconciler(
            new ProfileStatusFactory(clock),
            builtins,
            metrics,
            statusUpdate,
            clock,
            config.inUseRecheck()));
    operator.register(
        new ProviderReconciler(
            new ProviderStatusFactory(clock), metrics, statusUpdate, config.inUseRecheck()));
    operator.register(
        new SandboxReconciler(
            new SandboxInputsResolver(clock),
            new SandboxStatusFactory(clock),
            new AgentSidecar(config.agentImage(), config.agentLogging()),
            new SandboxReconciler.SandboxRuntime(
                metrics, statusUpdate, progress, new PendingChanges(clock))));
    operator.register(
        new SettingsReconciler(new SettingsStatusFactory(clock), progress, metrics, statusUpdate));
    operator.start();

    HealthServer health;
    try {
      health =
          HealthServer.start(
              config.httpPort(),
              informerFailures::none,
              () ->
                  operator.getRuntimeInfo().isStarted()
                      && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
              registry);
    } catch (IOException e) {
      if (lease != null) {
        lease.stopping();
      }
      operator.stop();
      builtins.close();
      throw new UncheckedIOException("cannot serve health and metrics", e);
    }
    LOG.atInfo()
        .addKeyValue("httpPort", health.port())
        .addKeyValue("leaderElection", config.leaderElection())
        .log("openshell operator started");
    return new OpenShellOperator(operator, builtins, health, registry, client, lease);
  }

  /** The port of {@code /healthz}, {@code /readyz} and {@code /metrics}. */
  public int httpPort() {
    return health.port();
  }

  /** The Prometheus registry (JOSDK and operator meters). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops the controllers, hands back the leader lease, then stops the endpoint. */
  @Override
  public void close() {
    if (lease != null) {
      lease.stopping();
    }
    operator.stop();
    if (lease != null) {
      lease.release(client);
    }
    builtins.close();
    health.close();
    LOG.info("openshell operator stopped");
  }
}
