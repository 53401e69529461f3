package io.openshell.devapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric8 CRUD mock dispatcher plus what real {@code kubectl} and server-side-apply clients
 * need: discovery, apply and strategic-merge patches rewritten to JSON merge patches, status
 * patches with a query string, {@code AlreadyExists}/{@code NotFound} statuses, and an answer
 * (instead of a hang) for protobuf bodies and for requests the mock fails on.
 *
 * <p>Requests for one object (get, create, update, patch) find it through a {@link StoreIndex} by
 * plural and name instead of the mock's scan of every stored object; lists, watches and deletes
 * still scan. Every request is counted by verb and resource ({@link #requestCounts()}).
 */
public class DiscoveryCrudDispatcher extends KubernetesCrudDispatcher {

  /** The {@code gitVersion} {@code /version} reports. */
  public static final String SERVER_VERSION = "v1.32.0-openshell-dev";

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryCrudDispatcher.class);
  private static final String AUTHORIZATION_PATH = "/apis/authorization.k8s.io/v1/";
  private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final Pattern GROUP_PATH = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION_PATH = Pattern.compile("/apis/([^/]+)/([^/]+)");
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final byte[] PROTOBUF_MAGIC = {'k', '8', 's', 0};
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

  private volatile String serverAddress = "127.0.0.1:0";

  private final RequestCounter requests = new RequestCounter();
  private final boolean indexed;
  private final StoreIndex index = new StoreIndex();

  /**
   * Guards {@link #index} together with the store changes it follows. Taken after the mock's own
   * lock (store changes run under it) and never held while waiting for the mock's lock.
   */
  private final ReadWriteLock indexLock = new ReentrantReadWriteLock();

  /** A dispatcher that finds single objects through its index. */
  public DiscoveryCrudDispatcher() {
    this(true);
  }

  /**
   * A dispatcher; {@code indexed = false} looks every object up by the mock's full scan, as before
   * the index existed (for before/after measurements only, same answers either way).
   */
  public DiscoveryCrudDispatcher(boolean indexed) {
    this.indexed = indexed;
  }

  /** The requests received so far, by verb and resource. */
  public Map<RequestKind, Long> requestCounts() {
    return requests.snapshot();
  }

  /** Sets the {@code host:port} that {@code GET /api} advertises. */
  public void setServerAddress(String hostAndPort) {
    this.serverAddress = hostAndPort;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.count(request.method(), request.getPath());
    try {
      return route(request);
    } catch (RuntimeException e) {
      // An exception escaping the dispatcher leaves the HTTP request unanswered (the client hangs
      // until its timeout), so every failure becomes a Status response.
      LOG.warn("request failed: {} {}: {}", request.getMethod(), request.getPath(), e.toString());
      return status(500, "InternalError", "Internal error occurred: " + e.getMessage(), null);
    }
  }

  private MockResponse route(RecordedRequest request) {
    String path = ResourcePath.stripQuery(request.getPath());
    HttpMethod method = request.method();
    if (method == HttpMethod.GET) {
      Optional<MockResponse> discovery = discovery(path);
      if (discovery.isPresent()) {
        return discovery.get();
      }
      return withNotFoundStatus(super.dispatch(request), path);
    }
    if (method == HttpMethod.DELETE) {
      return withNotFoundStatus(super.dispatch(request), path);
    }
    if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
      return super.dispatch(request);
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    if (isProtobuf(request, body)) {
      return status(
          415,
          "UnsupportedMediaType",
          "the openshell development API server does not understand protobuf request bodies;"
              + " send application/json",
          null);
    }
    if (request.getPath().contains("dryRun=")) {
      // Writes are real here; pretending to dry-run would silently change the store.
      return status(
          400, "BadRequest", "the openshell development API server does not support dryRun", null);
    }
    if (method == HttpMethod.POST && path.startsWith(AUTHORIZATION_PATH)) {
      return selfReview(path, body);
    }
    if (method == HttpMethod.POST) {
      return create(request, path, body);
    }
    if (method == HttpMethod.PUT) {
      return withNotFoundStatus(super.dispatch(copy(request, path, null, body)), path);
    }
    return patch(request, path, body);
  }

  /**
   * Self reviews ({@code kubectl auth can-i}, JOSDK's lease-access check before leader election).
   * This server has no authentication or authorization, so the true answer is: everything is
   * allowed. The review is echoed back with that status, as the real API server does.
   */
  private MockResponse selfReview(String path, byte[] body) {
    ObjectNode review = (ObjectNode) readJson(body);
    ObjectNode status = review.putObject("status");
    if (path.endsWith("/selfsubjectrulesreviews")) {
      ObjectNode rule = status.putArray("resourceRules").addObject();
      rule.putArray("verbs").add("*");
      rule.putArray("apiGroups").add("*");
      rule.putArray("resources").add("*");
      ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
      nonResource.putArray("verbs").add("*");
      nonResource.putArray("nonResourceURLs").add("*");
      status.put("incomplete", false);
    } else if (path.endsWith("/selfsubjectaccessreviews")) {
      status.put("allowed", true);
      status.put("reason", "the development API server authorizes every request");
    } else {
      return status(404, "NotFound", "the server could not find the requested resource", null);
    }
    return new MockResponse()
        .setResponseCode(201)
        .setHeader("Content-Type", "application/json")
        .setBody(review.toString());
  }

  private MockResponse create(RecordedRequest request, String path, byte[] body) {
    MockResponse response = super.dispatch(copy(request, path, null, body));
    if (response.code() != 409) {
      return response;
    }
    // The mock answers 409 with reason Invalid; clients (Helm, createOrReplace) look for
    // AlreadyExists.
    String name = readJson(body).path("metadata").path("name").asText("");
    Optional<ResourcePath> target = ResourcePath.parse(path);
    String resource = target.map(ResourcePath::qualifiedResource).orElse("");
    return status(
        409,
        "AlreadyExists",
        resource + " \"" + name + "\" already exists",
        Map.of(
            "name", name,
            "group", target.map(ResourcePath::group).orElse(""),
            "kind", target.map(ResourcePath::plural).orElse("")));
  }

  private MockResponse patch(RecordedRequest request, String path, byte[] body) {
    String contentType =
        Optional.ofNullable(request.getHeader(CONTENT_TYPE)).orElse("").toLowerCase(Locale.ROOT);
    if (contentType.startsWith(APPLY_PATCH)) {
      return serverSideApply(request, path, body);
    }
    if (contentType.startsWith(STRATEGIC_MERGE_PATCH)) {
      return patchTo(request, path, current -> StrategicMergePatch.apply(current, readJson(body)));
    }
    if (contentType.startsWith(MERGE_PATCH)) {
      return patchTo(request, path, current -> JsonMergePatch.apply(current, readJson(body)));
    }
    try {
      return withNotFoundStatus(super.dispatch(copy(request, path, null, body)), path);
    } catch (RuntimeException e) {
      // zjsonpatch throws on a failing `test` operation or a missing path.
      return status(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage(), null);
    }
  }

  /**
   * Computes the patched object here and lets the mock store it through a JSON Patch, so the mock's
   * own checks (resourceVersion, status subresource, generation, finalizers) still apply.
   */
  private MockResponse patchTo(
      RecordedRequest request, String path, UnaryOperator<JsonNode> patchedFromCurrent) {
    MockResponse currentResponse = handleGet(path);
    if (currentResponse.code() != 200) {
      return withNotFoundStatus(currentResponse, path);
    }
    JsonNode current = readJson(bodyOf(currentResponse));
    JsonNode target = patchedFromCurrent.apply(current.deepCopy());
    byte[] operations = toBytes(JsonMergePatch.topLevelOperations(current, target));
    return withNotFoundStatus(super.dispatch(copy(request, path, JSON_PATCH, operations)), path);
  }

  /**
   * Server-side apply without field management: create the object if absent, otherwise treat the
   * applied configuration as a JSON merge patch (fields it omits are kept, not removed).
   */
  private MockResponse serverSideApply(RecordedRequest request, String path, byte[] body) {
    JsonNode applied = readYaml(body);
    Optional<ResourcePath> target = ResourcePath.parse(path);
    if (target.isEmpty() || target.get().name().isEmpty()) {
      return status(404, "NotFound", "the server could not find the requested resource", null);
    }
    MockResponse current = handleGet(path);
    if (current.code() == 200) {
      return patchTo(request, path, existing -> JsonMergePatch.apply(existing, applied));
    }
    if (!target.get().subresource().isEmpty()) {
      return withNotFoundStatus(current, path);
    }
    ObjectNode metadata = ((ObjectNode) applied).withObject("/metadata");
    if (!metadata.hasNonNull("name")) {
      metadata.put("name", target.get().name());
    }
    RecordedRequest create =
        new RecordedRequest(
            request.getHttpVersion(),
            HttpMethod.POST,
            target.get().collectionPath(),
            request.getHeaders().newBuilder().setHeader(CONTENT_TYPE, JSON).build(),
            new Buffer(toBytes(applied)));
    return create(create, target.get().collectionPath(), toBytes(applied));
  }

  /** A get of one object is answered from the index; lists and watches go to the mock. */
  @Override
  public MockResponse handleGet(String path) {
    if (!indexed || isWatch(path)) {
      return super.handleGet(path);
    }
    AttributeSet query = attributeExtractor.fromPath(path);
    if (!query.containsKey(KubernetesAttributesExtractor.NAME)) {
      return super.handleGet(path);
    }
    Optional<Map.Entry<AttributeSet, String>> found;
    indexLock.readLock().lock();
    try {
      Optional<List<AttributeSet>> candidates = index.candidates(query);
      found =
          candidates.isEmpty() ? null : Optional.ofNullable(firstMatch(candidates.get(), query));
    } finally {
      indexLock.readLock().unlock();
    }
    if (found == null) {
      return super.handleGet(path); // the index cannot narrow this query: scan, as the mock does
    }
    // As the mock answers a get by name: the first match, or 404 without a body.
    return found
        .map(e -> new MockResponse().setResponseCode(200).setBody(e.getValue()))
        .orElseGet(() -> new MockResponse().setResponseCode(404));
  }

  /** The stored object a write addresses, found through the index (the mock's lock is held). */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    if (!indexed) {
      return super.findResource(attributes);
    }
    indexLock.readLock().lock();
    try {
      Optional<List<AttributeSet>> candidates = index.candidates(attributes);
      if (candidates.isPresent()) {
        return firstMatch(candidates.get(), attributes);
      }
    } finally {
      indexLock.readLock().unlock();
    }
    return super.findResource(attributes);
  }

  /** Every store change passes here: the index follows it. */
  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    // The mock derives the new key from `resource`, else by parsing `newState` into the same
    // type; parsing it once here gives the mock and the index the same key for one parse.
    GenericKubernetesResource parsed = resource;
    if (parsed == null && newState != null && !newState.isEmpty()) {
      parsed = Serialization.unmarshal(newState, GenericKubernetesResource.class);
    }
    AttributeSet newKey = newState == null ? null : storeKey(pathAttributes, parsed);
    indexLock.writeLock().lock();
    try {
      boolean existed = oldAttributes != null && map.containsKey(oldAttributes);
      super.processEvent(path, pathAttributes, oldAttributes, parsed, newState);
      if (existed) {
        index.removed(oldAttributes);
      }
      if (newKey != null) {
        index.stored(newKey);
      }
    } finally {
      indexLock.writeLock().unlock();
    }
  }

  @Override
  public void reset() {
    indexLock.writeLock().lock();
    try {
      super.reset();
      index.clear();
    } finally {
      indexLock.writeLock().unlock();
    }
  }

  /** The key the mock stores an object under (same derivation as its processEvent). */
  private AttributeSet storeKey(AttributeSet pathAttributes, GenericKubernetesResource parsed) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key = parsed == null ? new AttributeSet() : extractor.extract(parsed);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    return key;
  }

  private Map.Entry<AttributeSet, String> firstMatch(List<AttributeSet> keys, AttributeSet query) {
    for (AttributeSet key : keys) {
      if (key.matches(query)) {
        String value = map.get(key);
        if (value != null) {
          return Map.entry(key, value);
        }
      }
    }
    return null;
  }

  /** The mock's test for a watch request. */
  private static boolean isWatch(String path) {
    try {
      String query = new URI(path).getQuery();
      return query != null && query.contains("watch=true");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Optional<MockResponse> discovery(String path) {
    if (path.equals("/version")) {
      Map<String, String> version = new LinkedHashMap<>();
      version.put("major", "1");
      version.put("minor", "32");
      version.put("gitVersion", SERVER_VERSION);
      version.put("gitCommit", "0000000000000000000000000000000000000000");
      version.put("gitTreeState", "clean");
      version.put("buildDate", "2026-01-01T00:00:00Z");
      version.put("goVersion", "n/a (fabric8 kubernetes-server-mock)");
      version.put("compiler", "n/a");
      version.put("platform", "java/" + System.getProperty("os.arch"));
      return Optional.of(json(version));
    }
    if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
      return Optional.of(new MockResponse().setResponseCode(200).setBody("ok"));
    }
    if (path.startsWith("/openapi/") || path.startsWith("/swagger")) {
      // kubectl then reports "failed to download openapi"; --validate=false skips the download.
      return Optional.of(status(404, "NotFound", "OpenAPI is not served here", null));
    }
    if (path.equals("/") || path.isEmpty()) {
      return Optional.of(
          json(new RootPathsBuilder().addToPaths("/api", "/api/v1", "/apis", "/version").build()));
    }
    if (path.equals("/api")) {
      return Optional.of(json(documents().coreVersions(serverAddress)));
    }
    if (path.equals("/api/v1")) {
      return documents().resources("", "v1").map(this::json);
    }
    if (path.equals("/apis")) {
      return Optional.of(json(documents().groups()));
    }
    Matcher groupVersion = GROUP_VERSION_PATH.matcher(path);
    if (groupVersion.matches()) {
      return Optional.of(
          documents()
              .resources(groupVersion.group(1), groupVersion.group(2))
              .map(this::json)
              .orElseGet(() -> notFound(path)));
    }
    Matcher group = GROUP_PATH.matcher(path);
    if (group.matches()) {
      return Optional.of(
          documents().group(group.group(1)).map(this::json).orElseGet(() -> notFound(path)));
    }
    return Optional.empty();
  }

  private DiscoveryDocuments documents() {
    MockResponse response = super.handleGet(CRD_PATH);
    List<CustomResourceDefinition> crds =
        Serialization.unmarshal(bodyOf(response), CustomResourceDefinitionList.class).getItems();
    return new DiscoveryDocuments(crds);
  }

  private MockResponse withNotFoundStatus(MockResponse response, String path) {
    if (response.code() != 404 || (response.getBody() != null && response.getBody().size() > 0)) {
      return response;
    }
    return notFound(path);
  }

  private static MockResponse notFound(String path) {
    return ResourcePath.parse(path)
        .filter(p -> !p.name().isEmpty())
        .map(
            p ->
                status(
                    404,
                    "NotFound",
                    p.qualifiedResource() + " \"" + p.name() + "\" not found",
                    Map.of("name", p.name(), "group", p.group(), "kind", p.plural())))
        .orElseGet(
            () ->
                status(404, "NotFound", "the server could not find the requested resource", null));
  }

  private static MockResponse status(
      int code, String reason, String message, Map<String, String> details) {
    StatusBuilder builder =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(message)
            .withNewMetadata()
            .endMetadata();
    if (details != null) {
      builder
          .withNewDetails()
          .withName(details.get("name"))
          .withGroup(details.get("group"))
          .withKind(details.get("kind"))
          .endDetails();
    }
    Status status = builder.build();
    return new MockResponse()
        .setResponseCode(code)
        .setHeader(CONTENT_TYPE, JSON)
        .setBody(Serialization.asJson(status));
  }

  private MockResponse json(Object document) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader(CONTENT_TYPE, JSON)
        .setBody(Serialization.asJson(document));
  }

  private static RecordedRequest copy(
      RecordedRequest request, String path, String contentType, byte[] body) {
    var headers = request.getHeaders().newBuilder();
    if (contentType != null) {
      headers.setHeader(CONTENT_TYPE, contentType);
    }
    return new RecordedRequest(
        request.getHttpVersion(), request.method(), path, headers.build(), new Buffer(body));
  }

  private static boolean isProtobuf(RecordedRequest request, byte[] body) {
    String contentType = Optional.ofNullable(request.getHeader(CONTENT_TYPE)).orElse("");
    if (contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
      return true;
    }
    if (body.length < PROTOBUF_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < PROTOBUF_MAGIC.length; i++) {
      if (body[i] != PROTOBUF_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static String bodyOf(MockResponse response) {
    return response.getBody() == null
        ? ""
        : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode readJson(byte[] body) {
    return readJson(new String(body, StandardCharsets.UTF_8));
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON_MAPPER.readTree(body.isEmpty() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode readYaml(byte[] body) {
    try {
      JsonNode node = YAML.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("apply body is not an object");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("apply body is not YAML: " + e.getMessage(), e);
    }
  }

  private static byte[] toBytes(JsonNode node) {
    return Serialization.asJson(node).getBytes(StandardCharsets.UTF_8);
  }
}
