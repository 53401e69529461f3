package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.resolve.InMemorySandboxLookups;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.OpenShellOperator;
import io.openshell.operator.OperatorConfig;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.ProfileFiles;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin's pre-checks and the running operator decide alike on the same objects, for each
 * resolution rule where the plugin once had its own copy: built-ins (by name, not by label),
 * profiles being deleted, credentials Secrets that are missing or not labelled, and provider types
 * without a profile. Each case writes sandbox {@code direct} with the provider attached (the
 * operator decides) and attaches the same provider to the empty sandbox {@code via-plugin} with
 * {@code kubectl openshell attach} (the plugin decides): both accept or both refuse with the same
 * message, and an accepted composition has the same policy hash on both sides.
 */
class OperatorAgreementIT extends ClusterIT {
  private static final String SANDBOXES =
      """
      apiVersion: openshell.io/v1alpha1
      kind: Sandbox
      metadata: {name: direct, namespace: default}
      spec:
        policy: {version: 1}
        providers: [%s]
      ---
      apiVersion: openshell.io/v1alpha1
      kind: Sandbox
      metadata: {name: via-plugin, namespace: default}
      spec:
        policy: {version: 1}
      """;

  OpenShellOperator operator;

  @BeforeEach
  void startOperator() {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    fx.settings(Map.of("providersV2Enabled", true));
    operator =
        OpenShellOperator.start(
            client,
            OperatorConfig.fromEnvironment(
                Map.of("OPENSHELL_OPERATOR_NAMESPACE", "default", "OPENSHELL_HTTP_PORT", "0")),
            Clock.systemUTC());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void aCustomProfileLabelledBuiltinIsStillACustomProfileForBoth() throws Exception {
    ProviderProfile p = myApi();
    p.getMetadata().setLabels(Map.of("openshell.io/source", "builtin"));
    client.resource(p).create();
    create(provider("api", "my-api", "api-creds", true, "MY_API_KEY"));

    Verdicts v = decide("api");
    assertThat(v.plugin().exitCode()).as(v.plugin().err()).isZero();
    assertThat(v.operatorComposed()).isTrue();
    assertThat(v.pluginHash()).isEqualTo(v.operatorHash());
    assertThat(cli.run("policy", "get", "direct", "--full").out()).contains("api.example.com");
  }

  @Test
  void aProfileBeingDeletedIsLeftOutByBoth() throws Exception {
    ProviderProfile p = myApi();
    p.getMetadata().setFinalizers(List.of("openshell.io/test-hold"));
    client.resource(client.resource(p).create()).delete();
    create(provider("api", "my-api", "api-creds", true, "MY_API_KEY"));

    Verdicts v = decide("api");
    assertThat(v.plugin().exitCode()).as(v.plugin().err()).isZero();
    assertThat(v.operatorComposed()).isTrue();
    assertThat(v.pluginHash()).isEqualTo(v.operatorHash());
  }

  @Test
  void anUnlabelledSecretGivesNoCredentialKeysForBoth() {
    create(provider("first", "no-profile-a", "first-creds", true, "TOKEN"));
    create(provider("second", "no-profile-b", "second-creds", false, "TOKEN"));

    Verdicts v = decide("first", "second");
    assertThat(v.plugin().exitCode()).as(v.plugin().err()).isZero();
    assertThat(v.operatorComposed()).isTrue();
    assertThat(v.pluginHash()).isEqualTo(v.operatorHash());
  }

  @Test
  void aMissingSecretGivesNoCredentialKeysForBothAndLabelledDuplicatesAreRefusedByBoth() {
    create(provider("first", "no-profile-a", "first-creds", true, "TOKEN"));
    create(provider("second", "no-profile-b", "second-creds", true, "TOKEN"));
    create(provider("third", "no-profile-c", "never-created", true));

    Verdicts missing = decide("first", "third");
    assertThat(missing.plugin().exitCode()).as(missing.plugin().err()).isZero();
    assertThat(missing.operatorComposed()).isTrue();

    Verdicts duplicate = decideAgain("first", "second");
    assertThat(duplicate.plugin().exitCode()).isEqualTo(1);
    assertThat(duplicate.operatorComposed()).isFalse();
    String message =
        "credential env key 'TOKEN' is provided by both provider 'first' and provider 'second'";
    assertThat(duplicate.plugin().err()).contains(message);
    assertThat(duplicate.operatorMessage()).contains(message);
  }

  @Test
  void aProviderTypeWithoutAProfileContributesNoLayerForBoth() {
    create(provider("odd", "no-such-type", "odd-creds", true, "ODD_KEY"));

    Verdicts v = decide("odd");
    assertThat(v.plugin().exitCode()).as(v.plugin().err()).isZero();
    assertThat(v.operatorComposed()).isTrue();
    assertThat(v.pluginHash()).isEqualTo(v.operatorHash());
  }

  /** Both decisions on the same objects; see the class comment. */
  record Verdicts(
      Cli.Run plugin,
      boolean operatorComposed,
      String operatorMessage,
      String operatorHash,
      String pluginHash) {}

  private Verdicts decide(String... providers) {
    InMemorySandboxLookups.parse(SANDBOXES.formatted(String.join(", ", providers)))
        .forEach(this::create);
    Cli.Run plugin = cli.run("attach", "via-plugin", providers[0]);
    for (int i = 1; i < providers.length && plugin.exitCode() == 0; i++) {
      plugin = cli.run("attach", "via-plugin", providers[i]);
    }
    return verdicts(plugin);
  }

  /** A second decision in the same cluster: sandbox {@code direct} gets the new list. */
  private Verdicts decideAgain(String... providers) {
    Cluster cluster = new Cluster(client);
    Sandbox direct = cluster.sandbox("default", "direct").orElseThrow();
    direct.getSpec().setProviders(List.of(providers));
    client.resource(direct).update();
    Sandbox via = cluster.sandbox("default", "via-plugin").orElseThrow();
    via.getSpec().setProviders(List.of(providers[0]));
    client.resource(via).update();
    return verdicts(cli.run("attach", "via-plugin", providers[1]));
  }

  private Verdicts verdicts(Cli.Run plugin) {
    Cluster cluster = new Cluster(client);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Sandbox sb = cluster.sandbox("default", "direct").orElseThrow();
              return sb.getStatus() != null
                  && sb.getStatus().getObservedGeneration() != null
                  && sb.getStatus().getObservedGeneration() >= sb.getMetadata().getGeneration()
                  && sb.getStatus().condition("PolicyComposed").isPresent();
            });
    Sandbox direct = cluster.sandbox("default", "direct").orElseThrow();
    Condition composed = direct.getStatus().condition("PolicyComposed").orElseThrow();
    CompositionResult pluginView =
        ClusterLookups.compose(new ClusterLookups(cluster, Clock.systemUTC()).resolve(direct));
    return new Verdicts(
        plugin,
        "True".equals(composed.getStatus()),
        Optional.ofNullable(composed.getMessage()).orElse(""),
        Optional.ofNullable(direct.getStatus().getEffectivePolicy())
            .map(e -> e.getHash())
            .orElse(""),
        pluginView instanceof CompositionResult.Composed c ? c.effective().policyHash() : "");
  }

  private void create(HasMetadata object) {
    client.resource(object).create();
  }

  private static ProviderProfile myApi() throws Exception {
    String yaml = Files.readString(ProfileCommandsIT.resource("my-api.yaml"));
    var parsed = ProfileFiles.read("my-api.yaml", yaml).get(0);
    return Convert.profileResource(
        ((Parsed.Ok<io.openshell.policy.model.ProviderProfile>) parsed).value());
  }

  /** A provider and, unless {@code secretName} should be missing, its Secret with {@code keys}. */
  private HasMetadata provider(
      String name, String type, String secretName, boolean labelled, String... keys) {
    if (keys.length > 0) {
      StringBuilder data = new StringBuilder();
      for (String k : keys) {
        data.append("  ").append(k).append(": dmFsdWU=\n");
      }
      create(
          InMemorySandboxLookups.parse(
                  """
                  apiVersion: v1
                  kind: Secret
                  metadata:
                    name: %s
                    namespace: default
                    labels: {%s}
                  data:
                  %s"""
                      .formatted(
                          secretName,
                          labelled ? "openshell.io/provider-credentials: \"true\"" : "",
                          data))
              .get(0));
    }
    return InMemorySandboxLookups.parse(
            """
            apiVersion: openshell.io/v1alpha1
            kind: Provider
            metadata: {name: %s, namespace: default}
            spec:
              type: %s
              credentialsSecretRef: {name: %s}
            """
                .formatted(name, type, secretName))
        .get(0);
  }
}
