package io.openshell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ChartRenderTest {

  @Test
  void defaultValuesRenderTheOperatorWithItsServiceAccountRbacWebhookAndBuiltinPolicy() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.objects())
        .extracting(o -> o.path("kind").asText())
        .contains(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment",
            "Service",
            "Secret",
            "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding")
        .doesNotContain("ServiceMonitor", "PodDisruptionBudget", "NetworkPolicy", "Certificate");
  }

  @Test
  void operatorRunsAsNonRootWithAReadOnlyRootFilesystemAndProbes() {
    JsonNode deployment = RenderedChart.render(Map.of()).one("Deployment");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("256Mi");
  }

  @Test
  void twoReplicasRenderWithLeaderElectionAndADisruptionBudget() {
    RenderedChart chart =
        RenderedChart.render(Map.of("replicaCount", 2, "podDisruptionBudget.enabled", true));

    assertThat(chart.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(env(chart, "OPENSHELL_LEADER_ELECTION")).isEqualTo("true");
    assertThat(chart.one("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(chart.ofKind("Role"))
        .anySatisfy(r -> assertThat(r.at("/rules/0/resources/0").asText()).isEqualTo("leases"));
  }

  @Test
  void generatedWebhookCertificateIsTheOneTheWebhookTrusts() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode secret = chart.one("Secret");
    JsonNode webhook = chart.one("ValidatingWebhookConfiguration");

    String ca = secret.at("/data/ca.crt").asText();
    assertThat(ca).isNotBlank();
    assertThat(webhook.at("/webhooks"))
        .allSatisfy(h -> assertThat(h.at("/clientConfig/caBundle").asText()).isEqualTo(ca));
  }

  @Test
  void webhookCoversProfileProviderSandboxAndSettingsOperations() {
    JsonNode webhook = RenderedChart.render(Map.of()).one("ValidatingWebhookConfiguration");

    List<String> resources =
        StreamSupport.stream(webhook.at("/webhooks").spliterator(), false)
            .map(h -> h.at("/rules/0/resources/0").asText() + ":" + h.at("/rules/0/operations"))
            .toList();
    assertThat(resources)
        .containsExactly(
            "providerprofiles:[\"CREATE\",\"UPDATE\",\"DELETE\"]",
            "providers:[\"CREATE\",\"UPDATE\",\"DELETE\"]",
            "sandboxes:[\"CREATE\",\"UPDATE\"]",
            "openshellsettings:[\"CREATE\",\"UPDATE\",\"DELETE\"]");
    assertThat(webhook.at("/webhooks/0/failurePolicy").asText()).isEqualTo("Fail");
    assertThat(webhook.at("/webhooks/0/sideEffects").asText()).isEqualTo("None");
  }

  @Test
  void certManagerModeRendersACertificateAndInjectsTheCaInsteadOfAGeneratedSecret() {
    RenderedChart chart = RenderedChart.render(Map.of("webhook.certManager.enabled", true));

    assertThat(chart.ofKind("Secret")).isEmpty();
    assertThat(chart.one("Certificate").at("/spec/secretName").asText())
        .isEqualTo("oso-openshell-operator-webhook-tls");
    assertThat(chart.one("Issuer").at("/spec/selfSigned").isObject()).isTrue();
    assertThat(
            chart
                .one("ValidatingWebhookConfiguration")
                .at("/metadata/annotations/cert-manager.io~1inject-ca-from")
                .asText())
        .isEqualTo("openshell-system/oso-openshell-operator-webhook");
  }

  @Test
  void disablingTheWebhookRemovesItsConfigurationServiceAndCertificateMount() {
    RenderedChart chart = RenderedChart.render(Map.of("webhook.enabled", false));

    assertThat(chart.ofKind("ValidatingWebhookConfiguration")).isEmpty();
    assertThat(chart.ofKind("Secret")).isEmpty();
    assertThat(chart.operatorContainer().at("/volumeMounts").toString())
        .doesNotContain("webhook-tls");
    assertThat(env(chart, "OPENSHELL_WEBHOOK_ENABLED")).isEqualTo("false");
  }

  @Test
  void builtinProfilePolicyExemptsOnlyTheOperatorServiceAccount() {
    JsonNode policy = RenderedChart.render(Map.of()).one("ValidatingAdmissionPolicy");

    assertThat(policy.at("/spec/matchConstraints/resourceRules/0/operations").toString())
        .isEqualTo("[\"UPDATE\",\"DELETE\"]");
    assertThat(policy.at("/spec/variables/1/expression").asText())
        .contains("system:serviceaccount:openshell-system:oso-openshell-operator");
    assertThat(policy.at("/spec/validations/0/messageExpression").asText())
        .contains("is managed by source 'builtin' and cannot be");
  }

  @Test
  void optionalServiceMonitorAndNetworkPolicyRenderWhenEnabled() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("metrics.serviceMonitor.enabled", true, "networkPolicy.enabled", true));

    assertThat(chart.one("ServiceMonitor").at("/spec/endpoints/0/path").asText())
        .isEqualTo("/metrics");
    assertThat(chart.one("NetworkPolicy").at("/spec/policyTypes/0").asText()).isEqualTo("Ingress");
  }

  @Test
  void settingsSingletonIsRenderedOnlyWhenAsked() {
    assertThat(RenderedChart.render(Map.of()).ofKind("OpenShellSettings")).isEmpty();

    JsonNode settings =
        RenderedChart.render(Map.of("settings.create", true, "settings.providersV2Enabled", true))
            .one("OpenShellSettings");
    assertThat(settings.at("/metadata/name").asText()).isEqualTo("cluster");
    assertThat(settings.at("/spec/providersV2Enabled").asBoolean()).isTrue();
  }

  @Test
  void agentImageIsPassedToTheOperator() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("agentImage.repository", "registry.local/agent", "agentImage.tag", "v9"));

    assertThat(env(chart, "OPENSHELL_AGENT_IMAGE")).isEqualTo("registry.local/agent:v9");
  }

  @Test
  void theOperatorLogsJsonAtInfoByDefault() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(env(chart, "OPENSHELL_LOG_FORMAT")).isEqualTo("json");
    assertThat(env(chart, "OPENSHELL_LOG_LEVEL")).isEqualTo("INFO");
    assertThat(env(chart, "OPENSHELL_AGENT_LOG_FORMAT")).isEqualTo("json");
    assertThat(env(chart, "OPENSHELL_AGENT_LOG_LEVEL")).isEqualTo("INFO");
  }

  @Test
  void loggingValuesSwitchTheFormatAndLevel() {
    RenderedChart chart =
        RenderedChart.render(Map.of("logging.format", "text", "logging.level", "DEBUG"));

    assertThat(env(chart, "OPENSHELL_LOG_FORMAT")).isEqualTo("text");
    assertThat(env(chart, "OPENSHELL_LOG_LEVEL")).isEqualTo("DEBUG");
  }

  @Test
  void theSidecarLogsLikeTheOperatorByDefault() {
    RenderedChart chart =
        RenderedChart.render(Map.of("logging.format", "text", "logging.level", "WARN"));

    assertThat(env(chart, "OPENSHELL_AGENT_LOG_FORMAT")).isEqualTo("text");
    assertThat(env(chart, "OPENSHELL_AGENT_LOG_LEVEL")).isEqualTo("WARN");
  }

  @Test
  void agentLoggingValuesSwitchTheSidecarsFormatAndLevelOnly() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("logging.agent.format", "text", "logging.agent.level", "DEBUG"));

    assertThat(env(chart, "OPENSHELL_AGENT_LOG_FORMAT")).isEqualTo("text");
    assertThat(env(chart, "OPENSHELL_AGENT_LOG_LEVEL")).isEqualTo("DEBUG");
    assertThat(env(chart, "OPENSHELL_LOG_FORMAT")).isEqualTo("json");
    assertThat(env(chart, "OPENSHELL_LOG_LEVEL")).isEqualTo("INFO");
  }

  private static String env(RenderedChart chart, String name) {
    for (JsonNode e : chart.operatorContainer().at("/env")) {
      if (name.equals(e.path("name").asText())) {
        return e.path("value").asText();
      }
    }
    throw new AssertionError("no env " + name);
  }
}
