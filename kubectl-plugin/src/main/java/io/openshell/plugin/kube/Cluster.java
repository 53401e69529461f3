package io.openshell.plugin.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.Refused;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The plugin's reads and writes of the operator's resources, as the typed beans of the {@code crds}
 * module, in one place. Every write of an existing object is a compare-and-set ({@link
 * #compareAndSet}).
 */
public final class Cluster {
  /**
   * The field manager of the plugin's writes, so GitOps tools can ignore the fields it owns (e.g.
   * the {@code spec.providers} entries of attach).
   */
  public static final String FIELD_MANAGER = "kubectl-openshell";

  /** Enough rounds for dozens of concurrent writers: each round at least one writer wins. */
  public static final int MAX_ATTEMPTS = 100;

  private final KubernetesClient client;
  private final KubernetesSerialization json;

  public Cluster(KubernetesClient client) {
    this.client = client;
    this.json = client.getKubernetesSerialization();
  }

  public KubernetesClient client() {
    return client;
  }

  public Optional<Sandbox> sandbox(String ns, String name) {
    return get(Sandbox.class, ns, name);
  }

  public Optional<Provider> provider(String ns, String name) {
    return get(Provider.class, ns, name);
  }

  public Optional<ProviderProfile> profile(String id) {
    return get(ProviderProfile.class, null, id);
  }

  public Optional<OpenShellSettings> settings() {
    return get(OpenShellSettings.class, null, Kinds.SETTINGS_NAME);
  }

  public List<Sandbox> sandboxes(String ns) {
    return client.resources(Sandbox.class).inNamespace(ns).list().getItems();
  }

  public List<Sandbox> allSandboxes() {
    return client.resources(Sandbox.class).inAnyNamespace().list().getItems();
  }

  public List<Provider> providers(String ns) {
    return client.resources(Provider.class).inNamespace(ns).list().getItems();
  }

  public List<ProviderProfile> profiles() {
    return client.resources(ProviderProfile.class).list().getItems();
  }

  public Optional<ConfigMap> configMap(String ns, String name) {
    return Optional.ofNullable(client.configMaps().inNamespace(ns).withName(name).get());
  }

  /** The Secret, or empty when it does not exist; a 403 is thrown to the caller. */
  public Optional<Secret> secret(String ns, String name) {
    return Optional.ofNullable(client.secrets().inNamespace(ns).withName(name).get());
  }

  public <T extends HasMetadata> T create(T object) {
    return client.resource(object).create();
  }

  public <T extends HasMetadata> void delete(Class<T> kind, String ns, String name) {
    resource(kind, ns, name).delete();
  }

  /** What an edit decided for the object it was shown. */
  @FunctionalInterface
  public interface Edit<T> {
    /**
     * The object to write, given a copy of the stored one ({@code null} when it does not exist);
     * {@code null} to write nothing. Throws {@link Refused} to stop.
     */
    T apply(T current);
  }

  /**
   * The outcome of a compare-and-set.
   *
   * @param object the object as written, or as read when nothing was written (null if absent)
   * @param written whether a write happened
   */
  public record Written<T>(T object, boolean written) {}

  /**
   * Read, edit, write with the read {@code metadata.resourceVersion} as precondition; on the API
   * server's 409 read again and repeat (up to {@link #MAX_ATTEMPTS} rounds with a short random
   * back-off). An object that does not exist is created (a concurrent create answers 409 too). The
   * write of an existing object is a JSON merge patch of exactly what the edit changed (status
   * excluded), so fields the plugin did not touch are never rewritten.
   *
   * @param exhausted the refusal when every round lost
   */
  public <T extends HasMetadata> Written<T> compareAndSet(
      Class<T> kind, String ns, String name, Edit<T> edit, Supplier<Refused> exhausted) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      T current = resource(kind, ns, name).get();
      T next = edit.apply(current == null ? null : json.clone(current));
      if (next == null) {
        return new Written<>(current, false);
      }
      try {
        if (current == null) {
          return new Written<>(create(next), true);
        }
        Optional<String> patch = mergePatch(current, next);
        if (patch.isEmpty()) {
          return new Written<>(current, false);
        }
        T written =
            resource(kind, ns, name)
                .patch(
                    new PatchContext.Builder()
                        .withPatchType(PatchType.JSON_MERGE)
                        .withFieldManager(FIELD_MANAGER)
                        .build(),
                    patch.get());
        return new Written<>(written, true);
      } catch (KubernetesClientException e) {
        if (!isConflict(e)) {
          throw e;
        }
        backOff();
      }
    }
    throw exhausted.get();
  }

  /**
   * The RFC 7386 merge patch from {@code current} to {@code next} without status, carrying {@code
   * current}'s {@code metadata.resourceVersion}; empty when nothing but status differs.
   */
  Optional<String> mergePatch(HasMetadata current, HasMetadata next) {
    JsonNode from = json.convertValue(current, JsonNode.class);
    JsonNode to = json.convertValue(next, JsonNode.class);
    ObjectNode patch = diff((ObjectNode) from, (ObjectNode) to);
    patch.remove("status");
    if (patch.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode metadata = patch.has("metadata") ? (ObjectNode) patch.get("metadata") : null;
    if (metadata == null) {
      metadata = patch.putObject("metadata");
    }
    metadata.put("resourceVersion", current.getMetadata().getResourceVersion());
    return Optional.of(json.asJson(patch));
  }

  /** Changed and added fields with their new values, removed fields as {@code null}. */
  static ObjectNode diff(ObjectNode from, ObjectNode to) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      if (!to.has(e.getKey())) {
        out.putNull(e.getKey());
      }
    }
    for (Map.Entry<String, JsonNode> e : to.properties()) {
      JsonNode old = from.get(e.getKey());
      JsonNode now = e.getValue();
      if (old != null && old.equals(now)) {
        continue;
      }
      if (old instanceof ObjectNode o && now instanceof ObjectNode n) {
        ObjectNode d = diff(o, n);
        if (!d.isEmpty()) {
          out.set(e.getKey(), d);
        }
      } else {
        out.set(e.getKey(), now);
      }
    }
    return out;
  }

  private <T extends HasMetadata> Optional<T> get(Class<T> kind, String ns, String name) {
    return Optional.ofNullable(resource(kind, ns, name).get());
  }

  private <T extends HasMetadata> Resource<T> resource(Class<T> kind, String ns, String name) {
    var op = client.resources(kind);
    return ns == null ? op.withName(name) : op.inNamespace(ns).withName(name);
  }

  /** True for the API server's optimistic-concurrency rejection. */
  public static boolean isConflict(KubernetesClientException e) {
    return e.getCode() == 409;
  }

  private static void backOff() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused("Interrupted.", "the operation was interrupted");
    }
  }
}
