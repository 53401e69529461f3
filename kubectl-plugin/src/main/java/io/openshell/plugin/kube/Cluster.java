package io.openshell.plugin.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plugin's reads and writes of the operator's resources, in one place. */
public final class Cluster {
  private final KubernetesClient client;

  public Cluster(KubernetesClient client) {
    this.client = client;
  }

  public KubernetesClient client() {
    return client;
  }

  public Optional<GenericKubernetesResource> sandbox(String ns, String name) {
    return get(Kinds.SANDBOX, ns, name);
  }

  public Optional<GenericKubernetesResource> provider(String ns, String name) {
    return get(Kinds.PROVIDER, ns, name);
  }

  public Optional<GenericKubernetesResource> profile(String id) {
    return get(Kinds.PROVIDER_PROFILE, null, id);
  }

  public Optional<GenericKubernetesResource> settings() {
    return get(Kinds.SETTINGS, null, Kinds.SETTINGS_NAME);
  }

  public List<GenericKubernetesResource> sandboxes(String ns) {
    return client.genericKubernetesResources(Kinds.SANDBOX).inNamespace(ns).list().getItems();
  }

  public List<GenericKubernetesResource> allSandboxes() {
    return client.genericKubernetesResources(Kinds.SANDBOX).inAnyNamespace().list().getItems();
  }

  public List<GenericKubernetesResource> providers(String ns) {
    return client.genericKubernetesResources(Kinds.PROVIDER).inNamespace(ns).list().getItems();
  }

  public List<GenericKubernetesResource> profiles() {
    return client.genericKubernetesResources(Kinds.PROVIDER_PROFILE).list().getItems();
  }

  public Optional<ConfigMap> configMap(String ns, String name) {
    return Optional.ofNullable(client.configMaps().inNamespace(ns).withName(name).get());
  }

  /**
   * The field manager of the plugin's patches (attach, detach), so GitOps tools can ignore the
   * {@code spec.providers} entries it owns.
   */
  public static final String FIELD_MANAGER = "kubectl-openshell";

  /**
   * A JSON merge patch. When {@code patch} carries {@code metadata.resourceVersion} the API server
   * rejects a stale write with 409.
   */
  public GenericKubernetesResource mergePatch(
      ResourceDefinitionContext kind, String ns, String name, Map<String, Object> patch) {
    return resource(kind, ns, name)
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager(FIELD_MANAGER)
                .build(),
            Serialization.asJson(patch));
  }

  public GenericKubernetesResource create(
      ResourceDefinitionContext kind, String ns, GenericKubernetesResource r) {
    var op = client.genericKubernetesResources(kind);
    return ns == null ? op.resource(r).create() : op.inNamespace(ns).resource(r).create();
  }

  /** A full update; carries the object's {@code metadata.resourceVersion} as precondition. */
  public GenericKubernetesResource update(
      ResourceDefinitionContext kind, String ns, GenericKubernetesResource r) {
    var op = client.genericKubernetesResources(kind);
    return ns == null ? op.resource(r).update() : op.inNamespace(ns).resource(r).update();
  }

  public void delete(ResourceDefinitionContext kind, String ns, String name) {
    resource(kind, ns, name).delete();
  }

  private Optional<GenericKubernetesResource> get(
      ResourceDefinitionContext kind, String ns, String name) {
    return Optional.ofNullable(resource(kind, ns, name).get());
  }

  private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> resource(
      ResourceDefinitionContext kind, String ns, String name) {
    var op = client.genericKubernetesResources(kind);
    return ns == null ? op.withName(name) : op.inNamespace(ns).withName(name);
  }

  /** True for the API server's optimistic-concurrency rejection. */
  public static boolean isConflict(KubernetesClientException e) {
    return e.getCode() == 409;
  }
}
