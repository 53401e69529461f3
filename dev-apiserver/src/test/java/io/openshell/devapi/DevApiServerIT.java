package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevApiServerIT {

  private static final String SANDBOXES =
      "/apis/openshell.io/v1alpha1/namespaces/default/sandboxes";

  private static DevApiServer server;
  private static KubernetesClient client;
  private static List<CustomResourceDefinition> installed;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startServer() throws Exception {
    server = DevApiServer.start(0);
    client = server.newClient();
    installed = server.installCrds(Path.of(DevApiServerIT.class.getResource("/crds").toURI()));
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, String type, String body)
      throws Exception {
    return send(method, path, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.of(response.body().replace('\'', '\u2019'));
  }

  private static GenericKubernetesResource sandbox(String name, Map<String, Object> spec) {
    return client
        .genericKubernetesResources("openshell.io/v1alpha1", "Sandbox")
        .inNamespace("default")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("openshell.io/v1alpha1")
                .withKind("Sandbox")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build())
        .create();
  }

  private static GenericKubernetesResource getSandbox(String name) {
    return client
        .genericKubernetesResources("openshell.io/v1alpha1", "Sandbox")
        .inNamespace("default")
        .withName(name)
        .get();
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  @Test
  void versionReportsTheDevelopmentServer() {
    assertThat(client.getKubernetesVersion().getGitVersion())
        .isEqualTo(DiscoveryCrudDispatcher.SERVER_VERSION);
    assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("32");
  }

  @Test
  void selfRulesReviewsAllowEverythingBecauseNothingIsAuthorizedHere() {
    var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview();
    review.setSpec(
        new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewSpecBuilder()
            .withNamespace("default")
            .build());

    var answered = client.resource(review).create();

    assertThat(answered.getStatus().getResourceRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getVerbs()).containsExactly("*");
              assertThat(r.getApiGroups()).containsExactly("*");
              assertThat(r.getResources()).containsExactly("*");
            });
    assertThat(answered.getStatus().getIncomplete()).isFalse();
  }

  @Test
  void aFreshServerHasTheDefaultAndKubeSystemNamespaces() {
    assertThat(client.namespaces().list().getItems())
        .extracting(n -> n.getMetadata().getName())
        .contains("default", "kube-system");
  }

  @Test
  void installCrdsReadsEveryYamlFileOfTheDirectory() {
    assertThat(installed)
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("providerprofiles.openshell.io", "sandboxes.openshell.io");
  }

  @Test
  void apiAdvertisesTheCoreVersion() throws Exception {
    JsonNode api = json(send("GET", "/api?timeout=32s", null, (String) null));

    assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
    assertThat(api.path("versions").get(0).asText()).isEqualTo("v1");
  }

  @Test
  void coreV1DiscoveryListsConfigMapsWithTheirShortName() {
    APIResource configMaps =
        client.getApiResources("v1").getResources().stream()
            .filter(r -> r.getName().equals("configmaps"))
            .findFirst()
            .orElseThrow();

    assertThat(configMaps.getShortNames()).containsExactly("cm");
    assertThat(configMaps.getNamespaced()).isTrue();
  }

  @Test
  void apisListsTheInstalledCrdGroupNextToBuiltInGroups() {
    assertThat(client.getApiGroups().getGroups())
        .extracting(APIGroup::getName)
        .contains("apps", "rbac.authorization.k8s.io", "coordination.k8s.io", "openshell.io");
  }

  @Test
  void groupVersionDiscoveryCarriesTheCrdScopeShortNamesAndCategories() {
    List<APIResource> resources = client.getApiResources("openshell.io/v1alpha1").getResources();

    APIResource sandboxes =
        resources.stream().filter(r -> r.getName().equals("sandboxes")).findFirst().orElseThrow();
    APIResource profiles =
        resources.stream()
            .filter(r -> r.getName().equals("providerprofiles"))
            .findFirst()
            .orElseThrow();
    assertThat(sandboxes.getNamespaced()).isTrue();
    assertThat(sandboxes.getShortNames()).containsExactly("sbx");
    assertThat(sandboxes.getCategories()).containsExactly("openshell");
    assertThat(profiles.getNamespaced()).isFalse();
  }

  @Test
  void aDeletedCrdDisappearsFromDiscovery() throws Exception {
    String crd =
        Files.readString(
                Path.of(
                    DevApiServerIT.class
                        .getResource("/crds/sandboxes.openshell.io-v1.yml")
                        .toURI()))
            .replace("openshell.io", "example.dev");
    server.installCrds(new java.io.ByteArrayInputStream(crd.getBytes(StandardCharsets.UTF_8)));
    assertThat(client.getApiGroup("example.dev")).isNotNull();

    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("sandboxes.example.dev")
        .delete();

    assertThat(send("GET", "/apis/example.dev/v1alpha1", null, (String) null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void openApiIsNotServed() throws Exception {
    assertThat(send("GET", "/openapi/v2?timeout=32s", null, (String) null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/openapi/v3", null, (String) null).statusCode()).isEqualTo(404);
  }

  @Test
  void sameNamedObjectsInTwoNamespacesAreEachReadAndUpdatedInTheirOwn() {
    for (String ns : List.of("index-a", "index-b")) {
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("twin")
                  .endMetadata()
                  .addToData("ns", ns)
                  .build())
          .create();
    }
    ConfigMap b = client.configMaps().inNamespace("index-b").withName("twin").get();
    b.getData().put("ns", "index-b, updated");
    client.configMaps().inNamespace("index-b").resource(b).update();

    assertThat(client.configMaps().inNamespace("index-a").withName("twin").get().getData())
        .containsEntry("ns", "index-a");
    assertThat(client.configMaps().inNamespace("index-b").withName("twin").get().getData())
        .containsEntry("ns", "index-b, updated");
    assertThat(client.configMaps().inNamespace("index-c").withName("twin").get()).isNull();
  }

  @Test
  void requestsAreCountedByVerbAndResource() {
    var before = server.requestCounts();
    configMap("counted", Map.of("a", "1"));
    client.configMaps().withName("counted").get();

    var after = server.requestCounts();
    RequestKind create = new RequestKind("create", "configmaps");
    RequestKind get = new RequestKind("get", "configmaps");
    assertThat(after.get(create) - before.getOrDefault(create, 0L)).isEqualTo(1);
    assertThat(after.get(get) - before.getOrDefault(get, 0L)).isEqualTo(1);
  }

  @Test
  void createOfAnExistingNameIsAlreadyExists() {
    configMap("duplicate", Map.of("a", "1"));

    assertThatThrownBy(() -> configMap("duplicate", Map.of("a", "2")))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
              assertThat(e.getStatus().getMessage())
                  .isEqualTo("configmaps \"duplicate\" already exists");
            });
  }

  @Test
  void aMissingObjectIsNotFoundWithAStatus() throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v1/namespaces/default/configmaps/missing", null, (String) null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("reason").asText()).isEqualTo("NotFound");
    assertThat(json(response).path("message").asText())
        .isEqualTo("configmaps \"missing\" not found");
  }

  @Test
  void strategicMergePatchIsApplied() {
    configMap("strategic", Map.of("a", "1"));

    ConfigMap patched =
        client
            .configMaps()
            .inNamespace("default")
            .withName("strategic")
            .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"b\":\"2\"}}");

    assertThat(patched.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
  }

  @Test
  void mergePatchReplacesArraysInsteadOfAppending() {
    sandbox("lists", Map.of("providers", List.of("github", "pypi")));

    client
        .genericKubernetesResources("openshell.io/v1alpha1", "Sandbox")
        .inNamespace("default")
        .withName("lists")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"providers\":[\"claude\"]}}");

    assertThat(getSandbox("lists").<Object>get("spec", "providers")).isEqualTo(List.of("claude"));
  }

  @Test
  void serverSideApplyCreatesAnAbsentNamespace() {
    Namespace applied =
        client
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName("ssa-ns").endMetadata().build())
            .serverSideApply();

    assertThat(applied.getMetadata().getUid()).isNotEmpty();
    assertThat(client.namespaces().withName("ssa-ns").get()).isNotNull();
  }

  @Test
  void serverSideApplyMergesIntoAnExistingObject() {
    configMap("applied", Map.of("a", "1"));

    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("applied")
                .endMetadata()
                .withData(Map.of("b", "2"))
                .build())
        .serverSideApply();

    // No field ownership: fields the apply omits are kept, not removed.
    assertThat(client.configMaps().inNamespace("default").withName("applied").get().getData())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
  }

  @Test
  void statusPatchWithAQueryStringReachesTheStatusSubresource() throws Exception {
    sandbox("status-query", Map.of("image", "base"));

    HttpResponse<String> response =
        send(
            "PATCH",
            SANDBOXES + "/status-query/status?fieldManager=kubectl-patch",
            "application/merge-patch+json",
            "{\"status\":{\"phase\":\"Ready\"}}");

    assertThat(response.statusCode()).isLessThan(300);
    GenericKubernetesResource stored = getSandbox("status-query");
    assertThat((String) stored.get("status", "phase")).isEqualTo("Ready");
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void aProtobufBodyIsUnsupportedMediaTypeInsteadOfAHang() throws Exception {
    byte[] protobuf = {'k', '8', 's', 0, 0x0a, 0x0f};

    HttpResponse<String> response =
        send("POST", "/api/v1/namespaces", "application/vnd.kubernetes.protobuf", protobuf);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response).path("reason").asText()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  void aFailingJsonPatchTestIsInvalidInsteadOfAHang() throws Exception {
    configMap("json-patch", Map.of("a", "1"));

    HttpResponse<String> response =
        send(
            "PATCH",
            "/api/v1/namespaces/default/configmaps/json-patch",
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"2\"}]");

    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Test
  void aDryRunWriteIsRefusedRatherThanStored() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/namespaces/default/configmaps?dryRun=All",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dry\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(client.configMaps().inNamespace("default").withName("dry").get()).isNull();
  }

  @Test
  void theWrittenKubeconfigConnectsAFabric8Client(@TempDir Path dir) throws IOException {
    Path kubeconfig = server.writeKubeconfig(dir.resolve("nested/openshell-dev.yaml"));

    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    assertThat(config.getCurrentContext().getName()).isEqualTo("openshell-dev");
    assertThat(config.getMasterUrl()).startsWith(server.url());
    try (KubernetesClient fromKubeconfig =
        new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(fromKubeconfig.getNamespace()).isEqualTo("default");
      assertThat(fromKubeconfig.namespaces().withName("default").get()).isNotNull();
    }
  }
}
