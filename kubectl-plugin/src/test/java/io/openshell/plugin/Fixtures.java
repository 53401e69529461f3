package io.openshell.plugin;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.plugin.kube.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates the operator's resources in the test API server, as a user or the operator would. */
public final class Fixtures {
  public static final String NS = "default";
  private final KubernetesClient client;

  public Fixtures(KubernetesClient client) {
    this.client = client;
  }

  public GenericKubernetesResource sandbox(String name, String... providers) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("policy", Map.of("version", 1));
    spec.put("providers", new ArrayList<>(List.of(providers)));
    return create(GenericKinds.SANDBOX, NS, resource("Sandbox", name, NS, spec));
  }

  public GenericKubernetesResource provider(String name, String type, String... credentialKeys) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", type);
    if (credentialKeys.length > 0) {
      String secret = name + "-credentials";
      Map<String, String> data = new LinkedHashMap<>();
      for (String k : credentialKeys) {
        data.put(k, "dmFsdWU=");
      }
      client
          .secrets()
          .inNamespace(NS)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName(secret)
                  .withNamespace(NS)
                  .addToLabels("openshell.io/provider-credentials", "true")
                  .endMetadata()
                  .withData(data)
                  .build())
          .create();
      spec.put("credentialsSecretRef", Map.of("name", secret));
    } else {
      spec.put("runtimeCredentials", true);
    }
    return create(GenericKinds.PROVIDER, NS, resource("Provider", name, NS, spec));
  }

  public GenericKubernetesResource create(
      io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind,
      String ns,
      GenericKubernetesResource r) {
    var op = client.genericKubernetesResources(kind);
    return ns == null ? op.resource(r).create() : op.inNamespace(ns).resource(r).create();
  }

  public static GenericKubernetesResource resource(
      String kind, String name, String ns, Map<String, Object> spec) {
    GenericKubernetesResource r =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(Kinds.API_VERSION)
            .withKind(kind)
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .build();
    r.setAdditionalProperty("spec", spec);
    return r;
  }

  /** A sandbox with a base policy given as CR (camelCase) maps. */
  public GenericKubernetesResource sandboxWithPolicy(
      String name, Map<String, Object> policy, String... providers) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("policy", policy);
    spec.put("providers", new ArrayList<>(List.of(providers)));
    return create(GenericKinds.SANDBOX, NS, resource("Sandbox", name, NS, spec));
  }

  /** A custom profile resource, as {@code profile import} or {@code kubectl apply} creates it. */
  public io.openshell.crds.v1alpha1.ProviderProfile profile(
      io.openshell.policy.model.ProviderProfile p) {
    return client
        .resource(io.openshell.plugin.input.Convert.profileResource(p.withResourceVersion(0)))
        .create();
  }

  /** Writes the status the operator would write for a sandbox. */
  public GenericKubernetesResource sandboxStatus(String name, Map<String, Object> status) {
    GenericKubernetesResource sb = getSandbox(name);
    sb.setAdditionalProperty("status", status);
    return client
        .genericKubernetesResources(GenericKinds.SANDBOX)
        .inNamespace(NS)
        .resource(sb)
        .updateStatus();
  }

  /** A {@code metav1.Condition}. */
  public static Map<String, Object> condition(
      String type, String status, String reason, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", "2026-11-23T10:00:00Z");
    return c;
  }

  /** Creates or replaces {@code OpenShellSettings/cluster}. */
  public GenericKubernetesResource settings(Map<String, Object> spec) {
    GenericKubernetesResource r = resource("OpenShellSettings", Kinds.SETTINGS_NAME, null, spec);
    return client
        .genericKubernetesResources(GenericKinds.SETTINGS)
        .resource(r)
        .createOr(x -> x.update());
  }

  /** The sandbox as stored. */
  public GenericKubernetesResource getSandbox(String name) {
    return client
        .genericKubernetesResources(GenericKinds.SANDBOX)
        .inNamespace(NS)
        .withName(name)
        .get();
  }
}
