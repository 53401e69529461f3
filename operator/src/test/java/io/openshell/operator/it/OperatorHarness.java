package io.openshell.operator.it;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.CrdResources;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.devapi.DevApiServer;
import io.openshell.operator.OpenShellOperator;
import io.openshell.operator.OperatorClients;
import io.openshell.operator.OperatorConfig;
import io.openshell.operator.sandbox.PolicyConfigMapDependent;
import io.openshell.policy.format.PolicyBundle;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One development API server (the fabric8 CRUD mock with discovery) and one operator, shared by the
 * tests of a class. Each test works in its own namespace; settings are cluster-wide, so classes
 * that change them get their own harness.
 */
final class OperatorHarness implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final DevApiServer server;
  final KubernetesClient client;
  private OpenShellOperator operator;

  private OperatorHarness(DevApiServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /** A server with the CRDs installed and a running operator. */
  static OperatorHarness start() {
    return start(Map.of());
  }

  /** The same with extra operator environment variables (overriding the test defaults). */
  static OperatorHarness start(Map<String, String> env) {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    DevApiServer server = DevApiServer.start(0);
    for (String resource : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(resource)));
    }
    OperatorHarness h = new OperatorHarness(server, OperatorClients.create(server.clientConfig()));
    // Registers the kinds with the client's deserializer, so client.load() returns typed objects.
    h.client.resources(io.openshell.crds.v1alpha1.OpenShellSettings.class);
    h.client.resources(io.openshell.crds.v1alpha1.ProviderProfile.class);
    h.client.resources(Provider.class);
    h.client.resources(Sandbox.class);
    h.env.putAll(env);
    h.startOperator();
    return h;
  }

  private final Map<String, String> env =
      new java.util.HashMap<>(
          Map.of(
              "OPENSHELL_OPERATOR_NAMESPACE", "default",
              "OPENSHELL_HTTP_PORT", "0",
              "OPENSHELL_IN_USE_RECHECK_SECONDS", "1",
              "OPENSHELL_AGENT_IMAGE", "example.test/policy-agent:it",
              "OPENSHELL_AGENT_LOG_FORMAT", "text",
              "OPENSHELL_AGENT_LOG_LEVEL", "DEBUG"));

  void startOperator() {
    operator =
        OpenShellOperator.start(client, OperatorConfig.fromEnvironment(env), Clock.systemUTC());
  }

  /**
   * Stores an object exactly as written (JSON), bypassing the typed model: how a value the model
   * cannot read gets into the store (no schema on the development API server).
   */
  void storeRaw(String namespace, String json) {
    var generic =
        client
            .getKubernetesSerialization()
            .unmarshal(json, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    var op = client.genericKubernetesResources(generic.getApiVersion(), generic.getKind());
    if (namespace != null) {
      op.inNamespace(namespace).resource(generic).create();
    } else {
      op.resource(generic).create();
    }
  }

  void stopOperator() {
    operator.close();
  }

  OpenShellOperator operator() {
    return operator;
  }

  @Override
  public void close() {
    operator.close();
    client.close();
    server.close();
  }

  /** A fresh namespace name for one test. */
  static String namespace() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates the objects of a YAML text (several documents allowed) in {@code namespace}. */
  List<HasMetadata> apply(String namespace, String yaml) {
    List<HasMetadata> items =
        client.load(new java.io.ByteArrayInputStream(yaml.getBytes())).items();
    return items.stream()
        .map(
            i -> {
              if (namespace != null
                  && !(i instanceof io.openshell.crds.v1alpha1.ProviderProfile)
                  && !(i instanceof io.openshell.crds.v1alpha1.OpenShellSettings)) {
                i.getMetadata().setNamespace(namespace);
              }
              return client.resource(i).create();
            })
        .toList();
  }

  Sandbox sandbox(String ns, String name) {
    return client.resources(Sandbox.class).inNamespace(ns).withName(name).get();
  }

  Provider provider(String ns, String name) {
    return client.resources(Provider.class).inNamespace(ns).withName(name).get();
  }

  Optional<ConfigMap> policyConfigMap(String ns, String sandbox) {
    return Optional.ofNullable(
        client
            .configMaps()
            .inNamespace(ns)
            .withName(PolicyConfigMapDependent.configMapName(sandbox))
            .get());
  }

  /** Waits for the sandbox's ConfigMap to satisfy {@code condition}, and returns it. */
  ConfigMap awaitConfigMap(String ns, String sandbox, Predicate<ConfigMap> condition) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> policyConfigMap(ns, sandbox).orElse(null),
            cm -> cm != null && condition.test(cm));
  }

  static String policyYaml(ConfigMap cm) {
    return cm.getData().get(PolicyBundle.Names.POLICY_KEY);
  }

  /** Waits for the sandbox to satisfy {@code condition}, and returns it. */
  Sandbox awaitSandbox(String ns, String name, Predicate<Sandbox> condition) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> sandbox(ns, name), s -> s != null && condition.test(s));
  }

  /** Replaces the sandbox's attached providers (a JSON merge patch, like kubectl patch). */
  void setProviders(String ns, String sandbox, String... providers) {
    // A JSON merge patch without resourceVersion, as `kubectl patch --type=merge` sends it.
    String list =
        java.util.Arrays.stream(providers)
            .map(p -> "\"" + p + "\"")
            .collect(java.util.stream.Collectors.joining(","));
    client
        .resources(Sandbox.class)
        .inNamespace(ns)
        .withName(sandbox)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"providers\":[" + list + "]}}");
  }

  /** Applies a JSON merge patch to a sandbox (no resourceVersion precondition). */
  void mergePatchSandbox(String ns, String name, String json) {
    client
        .resources(Sandbox.class)
        .inNamespace(ns)
        .withName(name)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            json);
  }

  /** Edits a sandbox. */
  void editSandbox(String ns, String name, UnaryOperator<Sandbox> edit) {
    client.resources(Sandbox.class).inNamespace(ns).withName(name).edit(edit);
  }

  static String yaml(Object o) {
    return Serialization.asYaml(o);
  }
}
