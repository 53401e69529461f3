package io.openshell.operator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posts AdmissionReview JSON to the webhook server and checks allowed/denied and the message. */
class AdmissionWebhookTest {
  private static final String OPERATOR =
      "system:serviceaccount:openshell-system:openshell-operator";
  private static final String USER = "alice@example.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  private InMemoryLookups cluster;
  private boolean dryRun;
  private WebhookServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    cluster = InMemoryLookups.load("/webhook/cluster.yaml");
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    AdmissionValidator validator =
        new AdmissionValidator(cluster, new SandboxInputsResolver(clock), OPERATOR);
    server = WebhookServer.start(0, Optional.empty(), new AdmissionReviewHandler(validator));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sandboxWithTwoProvidersOfferingTheSameEnvKeyIsDenied() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());
    sandbox.getSpec().setProviders(List.of("work-github", "other-github"));

    JsonNode response = post("sandboxes", "UPDATE", sandbox, USER);

    assertDenied(
        response,
        "sandbox update refused",
        "credential env key 'GITHUB_TOKEN' is provided by both provider 'work-github' and"
            + " provider 'other-github'; use provider-specific env names");
  }

  @Test
  void aSandboxTheModelCannotReadIsDeniedNamingTheFieldNotAJacksonTrace() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());
    ObjectNode object = (ObjectNode) JSON.readTree(Serialization.asJson(sandbox));
    ((ObjectNode) object.at("/spec/policy")).put("version", "abc");
    ((ObjectNode) object.at("/spec"))
        .putObject("podTemplate")
        .putObject("spec")
        .put("containers", "oops");

    JsonNode response = postRaw("sandboxes", "CREATE", object, USER);

    assertDenied(
        response, "sandbox create refused", "spec.policy.version must be an integer, not a string");
    assertThat(response.at("/response/status/message").asText())
        .contains("spec.podTemplate.spec.containers must be a list, not a string")
        .doesNotContain("Cannot deserialize")
        .doesNotContain("reference chain");
  }

  @Test
  void aDryRunRequestIsReviewedLikeARealOneSoKubectlDryRunServerPreviewsTheRefusal()
      throws Exception {
    // kubectl apply --dry-run=server sends dryRun: true; the webhook is declared sideEffects: None,
    // so the API server calls it, and it must run the same checks (nothing is written anyway)
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());
    sandbox.getSpec().setProviders(List.of("work-github", "other-github"));
    dryRun = true;

    JsonNode response = post("sandboxes", "UPDATE", sandbox, USER);

    assertDenied(
        response,
        "sandbox update refused",
        "credential env key 'GITHUB_TOKEN' is provided by both provider 'work-github' and"
            + " provider 'other-github'; use provider-specific env names");
  }

  @Test
  void sandboxReferencingAProviderThatDoesNotExistYetIsAllowedWithAWarning() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());
    sandbox.getSpec().setProviders(List.of("work-github", "later-provider"));

    JsonNode response = post("sandboxes", "CREATE", sandbox, USER);

    assertThat(response.at("/response/allowed").asBoolean()).isTrue();
    assertThat(response.at("/response/warnings/0").asText())
        .startsWith("provider 'later-provider' not found");
  }

  @Test
  void sandboxPolicyWithAReservedProviderKeyIsDenied() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());
    var rules = sandbox.getSpec().getPolicy().getNetworkPolicies();
    rules.put("_provider_sneaky", rules.get("custom_pypi"));

    JsonNode response = post("sandboxes", "CREATE", sandbox, USER);

    assertDenied(
        response,
        "sandbox create refused",
        "network_policies key '_provider_sneaky' uses reserved '_provider_' prefix for provider"
            + " composition");
  }

  @Test
  void validSandboxIsAllowedWithoutWarnings() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());

    JsonNode response = post("sandboxes", "UPDATE", sandbox, USER);

    assertThat(response.at("/response/allowed").asBoolean()).isTrue();
    assertThat(response.at("/response/warnings").isMissingNode()).isTrue();
  }

  @Test
  void deletingAProfileInUseIsDeniedNamingTheSandboxes() throws Exception {
    ProviderProfile profile = cluster.find(ProviderProfile.class, null, "custom-api").orElseThrow();

    JsonNode response = postDelete("providerprofiles", profile, USER);

    assertDenied(
        response,
        "provider profile delete refused",
        "provider profile 'custom-api' is in use by sandboxes: team-a/api-user");
  }

  @Test
  void deletingAProfileNobodyUsesIsAllowed() throws Exception {
    ProviderProfile profile = cluster.find(ProviderProfile.class, null, "custom-api").orElseThrow();
    cluster.remove(Sandbox.class, "api-user");

    JsonNode response = postDelete("providerprofiles", profile, USER);

    assertThat(response.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void deletingAnAttachedProviderIsDeniedNamingTheSandbox() throws Exception {
    Provider provider = cluster.find(Provider.class, "team-a", "work-github").orElseThrow();

    JsonNode response = postDelete("providers", provider, USER);

    assertDenied(
        response,
        "provider delete refused",
        "provider 'work-github' is attached to sandbox(es): demo");
  }

  @Test
  void changingAProviderTypeIsDenied() throws Exception {
    Provider old = cluster.find(Provider.class, "team-a", "work-github").orElseThrow();
    Provider changed = copy(old);
    changed.getSpec().setType("gitlab");

    JsonNode response = post("providers", "UPDATE", changed, old, USER);

    assertDenied(
        response,
        "provider update refused",
        "provider type cannot be changed; delete and recreate the provider");
  }

  @Test
  void aUserCannotUpdateABuiltinProfile() throws Exception {
    ProviderProfile github = profile("github", p -> p.getSpec().setDisplayName("Mine"));

    JsonNode response = post("providerprofiles", "UPDATE", github, github, USER);

    assertDenied(
        response,
        "provider profile update refused",
        "provider profile 'github' is managed by source 'builtin' and cannot be updated");
  }

  @Test
  void theOperatorMayRestoreABuiltinProfile() throws Exception {
    ProviderProfile github = profile("github", p -> p.getSpec().setDisplayName("GitHub"));

    JsonNode response = post("providerprofiles", "UPDATE", github, github, OPERATOR);

    assertThat(response.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void aProfileThatFailsLintIsDeniedWithOpenShellsMessage() throws Exception {
    ProviderProfile profile =
        copy(cluster.find(ProviderProfile.class, null, "custom-api").orElseThrow());
    profile.getSpec().getCredentials().get(0).setHeaderName(null);

    JsonNode response = post("providerprofiles", "UPDATE", profile, profile, USER);

    assertDenied(
        response,
        "provider profile update refused",
        "credentials.header_name: header_name is required for bearer auth");
  }

  @Test
  void aProfileUpdateThatMakesAnAttachedSandboxAmbiguousIsDeniedNamingIt() throws Exception {
    ProviderProfile profile =
        copy(cluster.find(ProviderProfile.class, null, "custom-api").orElseThrow());
    var endpoint = profile.getSpec().getEndpoints().get(0);
    endpoint.setTls("skip");
    endpoint.setAccess(null);
    endpoint.setProtocol(null);
    endpoint.setEnforcement(null);
    endpoint.setAllowUninspectedCredentials(true);

    JsonNode response = post("providerprofiles", "UPDATE", profile, profile, USER);

    assertDenied(
        response,
        "provider profile update refused",
        "update would create ambiguous network endpoints on sandbox 'team-a/api-user'");
  }

  @Test
  void settingsMustBeNamedCluster() throws Exception {
    OpenShellSettings settings =
        copy(cluster.find(OpenShellSettings.class, null, "cluster").orElseThrow());
    settings.getMetadata().setName("other");

    JsonNode response = post("openshellsettings", "CREATE", settings, USER);

    assertDenied(
        response,
        "settings create refused",
        "OpenShellSettings is a singleton: its name must be 'cluster'");
  }

  @Test
  void aGlobalPolicyWithAReservedKeyIsDenied() throws Exception {
    OpenShellSettings settings =
        copy(cluster.find(OpenShellSettings.class, null, "cluster").orElseThrow());
    Sandbox demo = cluster.find(Sandbox.class, "team-a", "demo").orElseThrow();
    var global = copy(demo).getSpec().getPolicy();
    global.getNetworkPolicies().put("_provider_x", global.getNetworkPolicies().get("custom_pypi"));
    settings.getSpec().setGlobalPolicy(global);

    JsonNode response = post("openshellsettings", "UPDATE", settings, settings, USER);

    assertThat(response.at("/response/allowed").asBoolean()).isFalse();
    assertThat(response.at("/response/status/message").asText())
        .contains("'_provider_x' uses reserved '_provider_' prefix");
  }

  // OpenShell grpc/policy.rs:3234: UpdateConfig global runs endpoint ambiguity (row S1).
  @Test
  void aGlobalPolicyWithAmbiguousEndpointsIsDenied() throws Exception {
    OpenShellSettings settings =
        copy(cluster.find(OpenShellSettings.class, null, "cluster").orElseThrow());
    Sandbox demo = cluster.find(Sandbox.class, "team-a", "demo").orElseThrow();
    var global = copy(demo).getSpec().getPolicy();
    var skip = copy(demo).getSpec().getPolicy().getNetworkPolicies().get("custom_pypi");
    skip.getEndpoints().get(0).setTls("skip");
    global.getNetworkPolicies().put("custom_pypi_skip", skip);
    settings.getSpec().setGlobalPolicy(global);

    JsonNode response = post("openshellsettings", "UPDATE", settings, settings, USER);

    assertThat(response.at("/response/allowed").asBoolean()).isFalse();
    assertThat(response.at("/response/status/message").asText())
        .contains("network endpoint ambiguity validation failed");
  }

  // OpenShell grpc/policy.rs:2053-2114: activation re-checks only endpoint ambiguity (row H15).
  @Test
  void turningCompositionOnIsDeniedWhenASandboxWouldBecomeAmbiguous() throws Exception {
    OpenShellSettings on = cluster.find(OpenShellSettings.class, null, "cluster").orElseThrow();
    OpenShellSettings off = copy(on);
    off.getSpec().setProvidersV2Enabled(false);
    Sandbox demo = cluster.find(Sandbox.class, "team-a", "demo").orElseThrow();
    // A plain L4 rule to api.github.com becomes a credentialed, uninspected endpoint once the
    // github layer is composed (§5.7); that does not block activation, ambiguity does.
    var rule = copy(demo).getSpec().getPolicy().getNetworkPolicies().get("custom_pypi");
    rule.getEndpoints().get(0).setHost("api.github.com");
    demo.getSpec().getPolicy().getNetworkPolicies().put("github_l4", rule);

    JsonNode response = post("openshellsettings", "UPDATE", on, off, USER);

    assertDenied(
        response,
        "settings update refused",
        "cannot activate provider policy composition: sandbox 'team-a/api-user' has an invalid"
            + " effective policy: network endpoint ambiguity validation failed");
    assertThat(response.at("/response/status/message").asText()).doesNotContain("team-a/demo");
  }

  @Test
  void malformedReviewGetsBadRequest() throws Exception {
    HttpResponse<String> response = send("/validate/sandboxes", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void responseEchoesTheRequestUid() throws Exception {
    Sandbox sandbox = copy(cluster.find(Sandbox.class, "team-a", "demo").orElseThrow());

    JsonNode response = post("sandboxes", "UPDATE", sandbox, USER);

    assertThat(response.at("/response/uid").asText()).isEqualTo("uid-1");
    assertThat(response.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
  }

  // ---- helpers

  private ProviderProfile profile(String name, Consumer<ProviderProfile> edit) {
    ProviderProfile p = copy(cluster.find(ProviderProfile.class, null, "custom-api").orElseThrow());
    p.getMetadata().setName(name);
    edit.accept(p);
    return p;
  }

  private static void assertDenied(JsonNode response, String firstLine, String contained) {
    assertThat(response.at("/response/allowed").asBoolean()).as(response.toString()).isFalse();
    String message = response.at("/response/status/message").asText();
    assertThat(message).startsWith(firstLine + "\n").contains(contained);
    assertThat(response.at("/response/status/code").asInt()).isEqualTo(403);
  }

  private JsonNode post(String resource, String op, HasMetadata object, String user)
      throws Exception {
    return post(resource, op, object, null, user);
  }

  private JsonNode postDelete(String resource, HasMetadata old, String user) throws Exception {
    return review(resource, "DELETE", old, null, old, user);
  }

  private JsonNode post(
      String resource, String op, HasMetadata object, HasMetadata old, String user)
      throws Exception {
    return review(resource, op, object, object, old, user);
  }

  private JsonNode review(
      String resource,
      String op,
      HasMetadata identity,
      HasMetadata object,
      HasMetadata old,
      String user)
      throws Exception {
    ObjectNode review = JSON.createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", "uid-1");
    request.putObject("resource").put("group", "openshell.io").put("resource", resource);
    request.put("operation", op);
    request.put("name", identity.getMetadata().getName());
    if (identity.getMetadata().getNamespace() != null) {
      request.put("namespace", identity.getMetadata().getNamespace());
    }
    request.putObject("userInfo").put("username", user);
    if (dryRun) {
      request.put("dryRun", true);
    }
    if (object != null) {
      request.set("object", JSON.readTree(Serialization.asJson(object)));
    }
    if (old != null) {
      request.set("oldObject", JSON.readTree(Serialization.asJson(old)));
    }
    return submit(resource, review);
  }

  private JsonNode postRaw(String resource, String op, ObjectNode object, String user)
      throws Exception {
    ObjectNode review = JSON.createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", "uid-raw");
    request.putObject("resource").put("group", "openshell.io").put("resource", resource);
    request.put("operation", op);
    request.put("name", object.at("/metadata/name").asText());
    request.put("namespace", object.at("/metadata/namespace").asText());
    request.putObject("userInfo").put("username", user);
    request.set("object", object);
    return submit(resource, review);
  }

  private JsonNode submit(String resource, ObjectNode review) throws Exception {
    HttpResponse<String> response = send("/validate/" + resource, JSON.writeValueAsString(review));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static <T extends HasMetadata> T copy(T object) {
    return Serialization.clone(object);
  }
}
