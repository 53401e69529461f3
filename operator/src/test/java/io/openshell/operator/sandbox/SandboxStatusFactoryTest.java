package io.openshell.operator.sandbox;

import static io.openshell.operator.TestObjects.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.EffectivePolicy;
import io.openshell.policy.compose.Layer;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.PolicySource;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxStatusFactoryTest {
  private final SandboxStatusFactory factory =
      new SandboxStatusFactory(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private static CompositionResult composed(String hash, PolicySource source, boolean v2) {
    return new CompositionResult.Composed(
        new EffectivePolicy(
            SandboxPolicy.ofNetwork(Map.of()),
            source,
            v2,
            List.of(new Layer("gh", "gh", "github", 0, "_provider_gh")),
            "version: 1\n",
            hash,
            "rev",
            List.of()));
  }

  private static SandboxObservation observation(CompositionResult result) {
    return new SandboxObservation(result, List.of(), List.of(), false, Optional.empty());
  }

  private static Condition condition(SandboxStatus s, String type) {
    return s.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aProviderWhoseSecretIsGoneMakesTheSandboxNotReadyAndSaysWhich() {
    Sandbox sb = sandbox("a", "demo", "gh");
    String gap =
        "provider 'gh' has no credentials: secret 'creds' not found, or not labelled"
            + " openshell.io/provider-credentials=true";

    SandboxStatus s =
        factory.build(
            sb,
            new SandboxObservation(
                composed("sha256:1", PolicySource.SANDBOX, true),
                List.of(),
                List.of(),
                false,
                Optional.empty(),
                List.of(gap)));

    assertThat(condition(s, "ProvidersResolved").getStatus()).isEqualTo("False");
    assertThat(condition(s, "ProvidersResolved").getReason()).isEqualTo("SecretNotFound");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(s, "Ready").getMessage()).isEqualTo(gap);
    // The layer stays: composition reads profiles, not credential values.
    assertThat(s.getEffectivePolicy().getHash()).isEqualTo("sha256:1");
  }

  @Test
  void composedPolicyReportsReadyAndTheEffectivePolicy() {
    Sandbox sb = sandbox("a", "demo", "gh");

    SandboxStatus s =
        factory.build(sb, observation(composed("sha256:1", PolicySource.SANDBOX, true)));

    assertThat(condition(s, "PolicyComposed").getReason()).isEqualTo("Composed");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("True");
    assertThat(s.getEffectivePolicy().getHash()).isEqualTo("sha256:1");
    assertThat(s.getEffectivePolicy().getConfigMapName()).isEqualTo("openshell-policy-demo");
    assertThat(s.getProviders()).extracting("ruleKey").containsExactly("_provider_gh");
    assertThat(s.getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void rejectionKeepsTheLastGoodEffectivePolicyAndReportsTheRuleReason() {
    Sandbox sb = sandbox("a", "demo", "gh");
    sb.setStatus(
        factory.build(sb, observation(composed("sha256:good", PolicySource.SANDBOX, true))));
    var rejected =
        new CompositionResult.Rejected(
            List.of(
                Violation.error(
                    ViolationCode.DUPLICATE_CREDENTIAL_ENV_KEY, "", "credential env key 'K' ...")),
            List.of());

    SandboxStatus s = factory.build(sb, observation(rejected));

    assertThat(s.getEffectivePolicy().getHash()).isEqualTo("sha256:good");
    assertThat(condition(s, "PolicyComposed").getReason()).isEqualTo("DuplicateCredentialEnvKey");
    assertThat(condition(s, "PolicyComposed").getMessage()).isEqualTo("credential env key 'K' ...");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void missingProviderRejectionIsReportedAsProvidersUnresolved() {
    var rejected =
        new CompositionResult.Rejected(
            List.of(
                Violation.error(
                    ViolationCode.PROVIDER_NOT_FOUND, "providers", "provider 'x' not found")),
            List.of());

    SandboxStatus s =
        factory.build(
            sandbox("a", "demo", "x"),
            new SandboxObservation(rejected, List.of("x"), List.of(), false, Optional.empty()));

    assertThat(condition(s, "PolicyComposed").getReason()).isEqualTo("ProvidersUnresolved");
    assertThat(condition(s, "ProvidersResolved").getReason()).isEqualTo("ProviderNotFound");
    assertThat(condition(s, "ProvidersResolved").getMessage()).isEqualTo("provider 'x' not found");
  }

  // Parity rows H13, H18: a sandbox without a base policy, or with an invalid base under a global
  // policy, is now rejected; the status names the rule.
  @Test
  void anInvalidBaseUnderAGlobalPolicyIsReportedAsInvalidPolicy() {
    SandboxPolicy global =
        PolicyYaml.read(
                "version: 1\nnetwork_policies:\n  g:\n    endpoints:\n      - host: g.example.com\n"
                    + "        port: 443\n    binaries:\n      - path: /usr/bin/curl\n")
            .orElseThrow();
    SandboxPolicy base =
        PolicyYaml.read(
                "version: 1\nnetwork_policies:\n  wide:\n    endpoints:\n      - host: \"*.com\"\n"
                    + "        port: 443\n    binaries:\n      - path: /usr/bin/curl\n")
            .orElseThrow();
    CompositionResult result =
        PolicyEngine.compose(
            new SandboxInputs(
                "a",
                "demo",
                Optional.of(base),
                List.of(),
                Map.of(),
                ProfileCatalog.of(BuiltinProfiles.all()),
                new Settings(true, Optional.of(global), 1),
                Instant.parse("2026-03-01T10:00:00Z")));

    SandboxStatus s = factory.build(sandbox("a", "demo"), observation(result));

    assertThat(condition(s, "PolicyComposed").getStatus()).isEqualTo("False");
    assertThat(condition(s, "PolicyComposed").getReason()).isEqualTo("InvalidPolicy");
    assertThat(condition(s, "PolicyComposed").getMessage()).contains("TLD wildcard '*.com'");
  }

  @Test
  void globalPolicyIsReportedAsGlobalPolicyActive() {
    SandboxStatus s =
        factory.build(
            sandbox("a", "demo"), observation(composed("sha256:g", PolicySource.GLOBAL, true)));

    assertThat(condition(s, "PolicyComposed").getReason()).isEqualTo("GlobalPolicyActive");
    assertThat(s.getEffectivePolicy().getSource()).isEqualTo("Global");
  }

  @Test
  void podReportingTheCurrentHashMakesThePolicyApplied() {
    Sandbox sb = sandbox("a", "demo");
    sb.getSpec().setPodTemplate(new PodTemplateSpec());

    SandboxStatus s =
        factory.build(
            sb,
            new SandboxObservation(
                composed("sha256:1", PolicySource.SANDBOX, false),
                List.of(),
                List.of(),
                true,
                Optional.of("sha256:1")));

    assertThat(condition(s, "PolicyApplied").getReason()).isEqualTo("Applied");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("Applied");
    assertThat(s.getAppliedPolicyHash()).isEqualTo("sha256:1");
  }

  @Test
  void podReportingAnOldHashLeavesThePolicyPending() {
    SandboxStatus s =
        factory.build(
            sandbox("a", "demo"),
            new SandboxObservation(
                composed("sha256:new", PolicySource.SANDBOX, true),
                List.of(),
                List.of(),
                true,
                Optional.of("sha256:old")));

    assertThat(condition(s, "PolicyApplied").getReason()).isEqualTo("Pending");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void rebuildingAnUnchangedStatusGivesAnEqualStatus() {
    Sandbox sb = sandbox("a", "demo", "gh");
    sb.setStatus(factory.build(sb, observation(composed("sha256:1", PolicySource.SANDBOX, true))));

    SandboxStatus again =
        new SandboxStatusFactory(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build(sb, observation(composed("sha256:1", PolicySource.SANDBOX, true)));

    assertThat(io.openshell.operator.status.StatusDiff.same(sb.getStatus(), again)).isTrue();
  }
}
