package io.openshell.harness;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Watches the ConfigMaps of one namespace and completes waiters with the {@link System#nanoTime()}
 * at which the watch event carrying a matching {@code policy.yaml} arrived (event-driven, so the
 * resolution is the watch delivery, not a poll interval).
 */
final class ConfigMapTracker implements AutoCloseable {
  static final String PREFIX = "openshell-policy-";

  private record Waiter(String name, Predicate<String> policy, CompletableFuture<Long> done) {}

  private final Map<String, String> policies = new ConcurrentHashMap<>();

  /** Waiters by ConfigMap name, so an event looks only at its own ConfigMap's waiters. */
  private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();

  private final SharedIndexInformer<ConfigMap> informer;

  ConfigMapTracker(KubernetesClient client, String namespace) {
    informer =
        client
            .configMaps()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap cm) {
                    seen(cm, System.nanoTime());
                  }

                  @Override
                  public void onUpdate(ConfigMap old, ConfigMap cm) {
                    seen(cm, System.nanoTime());
                  }

                  @Override
                  public void onDelete(ConfigMap cm, boolean unknown) {
                    policies.remove(cm.getMetadata().getName());
                  }
                },
                0);
  }

  private void seen(ConfigMap cm, long at) {
    String name = cm.getMetadata().getName();
    if (!name.startsWith(PREFIX) || cm.getData() == null) {
      return;
    }
    String policy = cm.getData().getOrDefault("policy.yaml", "");
    policies.put(name, policy);
    List<Waiter> mine = waiters.get(name);
    if (mine == null) {
      return;
    }
    for (Waiter w : mine) {
      if (w.policy().test(policy) && w.done().complete(at)) {
        mine.remove(w);
      }
    }
  }

  /** Number of policy ConfigMaps seen so far. */
  int count() {
    return policies.size();
  }

  /**
   * Completes with the arrival time of the first event for ConfigMap {@code name} whose policy
   * matches; already matching state completes at once with the current time.
   */
  CompletableFuture<Long> await(String name, Predicate<String> policy) {
    Waiter w = new Waiter(name, policy, new CompletableFuture<>());
    List<Waiter> mine = waiters.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    mine.add(w);
    // Registered before looking at the current state, so an event in between is not missed.
    String current = policies.get(name);
    if (current != null && policy.test(current) && w.done().complete(System.nanoTime())) {
      mine.remove(w);
    }
    return w.done();
  }

  /** The ConfigMap name of a sandbox. */
  static String configMapOf(String sandbox) {
    return PREFIX + sandbox;
  }

  @Override
  public void close() {
    informer.close();
  }
}
