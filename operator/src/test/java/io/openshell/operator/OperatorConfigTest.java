package io.openshell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {
  @Test
  void missingVariablesGiveTheDocumentedDefaults() {
    OperatorConfig c = OperatorConfig.fromEnvironment(Map.of());

    assertThat(c.namespace()).isEqualTo("openshell-system");
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.leaderElection()).isFalse();
    assertThat(c.installBuiltinProfiles()).isTrue();
    assertThat(c.inUseRecheck()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void variablesOverrideTheDefaults() {
    OperatorConfig c =
        OperatorConfig.fromEnvironment(
            Map.of(
                "OPENSHELL_AGENT_IMAGE", "registry.example/agent:2",
                "OPENSHELL_LEADER_ELECTION", "true",
                "OPENSHELL_LEASE_NAME", "lease-x",
                "OPENSHELL_HTTP_PORT", "9000"));

    assertThat(c.agentImage()).isEqualTo("registry.example/agent:2");
    assertThat(c.leaderElection()).isTrue();
    assertThat(c.leaseName()).isEqualTo("lease-x");
    assertThat(c.httpPort()).isEqualTo(9000);
  }
}
