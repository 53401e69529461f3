package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An executable record of what the fabric8 CRUD mock (7.5.2) does behind the dev API server's shim,
 * gaps included, so that a fabric8 upgrade that changes any of it fails here first. See {@code
 * docs} / toolchain notes: every test names one behaviour, real-API differences say so.
 */
class MockCapabilitiesIT {

  private static DevApiServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void startServer() throws Exception {
    server = DevApiServer.start(0);
    client = server.newClient();
    server.installCrds(Path.of(MockCapabilitiesIT.class.getResource("/crds").toURI()));
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      sandboxes() {
    return client
        .genericKubernetesResources("openshell.io/v1alpha1", "Sandbox")
        .inNamespace("default");
  }

  private static GenericKubernetesResource createSandbox(String name, String... finalizers) {
    return sandboxes()
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("openshell.io/v1alpha1")
                .withKind("Sandbox")
                .withNewMetadata()
                .withName(name)
                .withFinalizers(finalizers)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("image", "base"))
                .build())
        .create();
  }

  private static ConfigMap createConfigMap(
      String namespace, String name, Map<String, String> labels) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build())
        .create();
  }

  @Test
  void anUpdateWithAStaleResourceVersionIsAConflict() {
    ConfigMap created = createConfigMap("default", "stale-put", Map.of());
    client
        .configMaps()
        .inNamespace("default")
        .withName("stale-put")
        .edit(
            c -> {
              c.getData().put("k", "changed");
              return c;
            });

    created.getData().put("k", "from-stale-copy");
    assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(created).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void aStatusUpdateWithAStaleResourceVersionIsAcceptedUnlikeARealApiServer() {
    GenericKubernetesResource created = createSandbox("stale-status");
    sandboxes()
        .withName("stale-status")
        .edit(
            s -> {
              s.getMetadata().getLabels().put("touched", "yes");
              return s;
            });

    created.setAdditionalProperty("status", Map.of("phase", "Ready"));
    sandboxes().resource(created).updateStatus();

    assertThat((String) sandboxes().withName("stale-status").get().get("status", "phase"))
        .isEqualTo("Ready");
  }

  @Test
  void aMainResourceUpdateDoesNotChangeTheStatusSubresource() {
    GenericKubernetesResource created = createSandbox("status-separated");

    created.setAdditionalProperty("status", Map.of("phase", "Ready"));
    GenericKubernetesResource updated = sandboxes().resource(created).update();

    assertThat(updated.getAdditionalProperties()).doesNotContainKey("status");
  }

  @Test
  void aStatusUpdateDoesNotChangeTheSpec() {
    GenericKubernetesResource created = createSandbox("spec-separated");

    created.setAdditionalProperty("spec", Map.of("image", "changed"));
    created.setAdditionalProperty("status", Map.of("phase", "Ready"));
    sandboxes().resource(created).updateStatus();

    assertThat((String) sandboxes().withName("spec-separated").get().get("spec", "image"))
        .isEqualTo("base");
  }

  @Test
  void theGenerationChangesOnSpecChangesOnly() {
    assertThat(createSandbox("generation").getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource labelled =
        sandboxes()
            .withName("generation")
            .edit(
                s -> {
                  s.getMetadata().getLabels().put("a", "b");
                  return s;
                });
    assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource withStatus =
        sandboxes()
            .withName("generation")
            .editStatus(
                s -> {
                  s.setAdditionalProperty("status", Map.of("phase", "Ready"));
                  return s;
                });
    assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource respecced =
        sandboxes()
            .withName("generation")
            .edit(
                s -> {
                  s.setAdditionalProperty("spec", Map.of("image", "next"));
                  return s;
                });
    assertThat(respecced.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void finalizersHoldADeletedObjectUntilTheyAreRemoved() {
    createSandbox("finalized", "openshell.io/cleanup");

    sandboxes().withName("finalized").delete();
    GenericKubernetesResource marked = sandboxes().withName("finalized").get();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotEmpty();

    sandboxes()
        .withName("finalized")
        .edit(
            s -> {
              s.getMetadata().setFinalizers(List.of());
              return s;
            });
    assertThat(sandboxes().withName("finalized").get()).isNull();
  }

  @Test
  void ownedObjectsAreNotGarbageCollectedUnlikeARealApiServer() {
    GenericKubernetesResource owner = createSandbox("owner");
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned")
                .addNewOwnerReference()
                .withApiVersion("openshell.io/v1alpha1")
                .withKind("Sandbox")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();

    sandboxes().withName("owner").delete();

    assertThat(client.configMaps().inNamespace("default").withName("owned").get()).isNotNull();
  }

  @Test
  void aMetadataNameFieldSelectorFilters() {
    createConfigMap("fields", "wanted", Map.of());
    createConfigMap("fields", "other", Map.of());

    assertThat(
            client
                .configMaps()
                .inNamespace("fields")
                .withField("metadata.name", "wanted")
                .list()
                .getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("wanted");
  }

  @Test
  void anEqualityLabelSelectorFilters() {
    createConfigMap("labels-eq", "a", Map.of("tier", "a"));
    createConfigMap("labels-eq", "b", Map.of("tier", "b"));

    assertThat(
            client.configMaps().inNamespace("labels-eq").withLabel("tier", "a").list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("a");
  }

  @Test
  void anInLabelSelectorIsIgnoredUnlikeARealApiServer() {
    createConfigMap("labels-in", "a", Map.of("tier", "a"));
    createConfigMap("labels-in", "b", Map.of("tier", "b"));

    assertThat(
            client.configMaps().inNamespace("labels-in").withLabelIn("tier", "a").list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void namespacesAreNotEnforcedUnlikeARealApiServer() {
    assertThat(createConfigMap("no-such-namespace", "orphan", Map.of()).getMetadata().getUid())
        .isNotEmpty();
  }

  @Test
  void resourceVersionsComeFromOneNumericCounter() {
    long first =
        Long.parseLong(createConfigMap("rv", "first", Map.of()).getMetadata().getResourceVersion());
    long second =
        Long.parseLong(
            createConfigMap("rv", "second", Map.of()).getMetadata().getResourceVersion());

    assertThat(second).isGreaterThan(first);
  }

  @Test
  void aPatchIsAnsweredWith202UnlikeARealApiServer() throws Exception {
    createConfigMap("patch-code", "p", Map.of());

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/namespaces/patch-code/configmaps/p"))
                    .header("Content-Type", "application/merge-patch+json")
                    .method(
                        "PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"x\":\"1\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void aWebSocketWatchDeliversEvents() throws Exception {
    CountDownLatch added = new CountDownLatch(1);
    Watch watch =
        client
            .configMaps()
            .inNamespace("watched")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    if (action == Action.ADDED && resource.getMetadata().getName().equals("w")) {
                      added.countDown();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      createConfigMap("watched", "w", Map.of());

      // A bound against a hang, not a speed assertion.
      assertThat(added.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      watch.close();
    }
  }

  @Test
  void anHttpStreamingWatchIsRejectedUnlikeARealApiServer() throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.url() + "/api/v1/namespaces/default/configmaps?watch=true"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
