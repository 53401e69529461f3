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
  public static final String NS = "test";
  private final KubernetesClient client;

  public Fixtures(KubernetesClient client) {
    this.client = client;
  }

  public GenericKubernetesResource sandbox(String name, String... providers) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("policy", Map.of("version", 1));
    spec.put("providers", new ArrayList<>(List.of(providers)));
    return create(Kinds.SANDBOX, NS, resource("Sandbox", name, NS, spec));
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
    return create(Kinds.PROVIDER, NS, resource("Provider", name, NS, spec));
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

  /** The sandbox as stored. */
  public GenericKubernetesResource getSandbox(String name) {
    return client.genericKubernetesResources(Kinds.SANDBOX).inNamespace(NS).withName(name).get();
  }
}
