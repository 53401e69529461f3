package io.openshell.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openshell.policy.logging.LogSettings;
import io.openshell.policy.logging.LogSettings.Format;
import io.openshell.policy.logging.LogSettings.Level;
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
    assertThat(c.agentLogging()).isEqualTo(LogSettings.DEFAULT);
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

  @Test
  void theSidecarLogsLikeTheOperatorUnlessToldOtherwise() {
    OperatorConfig same =
        OperatorConfig.fromEnvironment(
            Map.of("OPENSHELL_LOG_FORMAT", "text", "OPENSHELL_LOG_LEVEL", "WARN"));
    OperatorConfig own =
        OperatorConfig.fromEnvironment(
            Map.of(
                "OPENSHELL_LOG_FORMAT", "text",
                "OPENSHELL_LOG_LEVEL", "WARN",
                "OPENSHELL_AGENT_LOG_FORMAT", "json",
                "OPENSHELL_AGENT_LOG_LEVEL", "DEBUG"));
    OperatorConfig levelOnly =
        OperatorConfig.fromEnvironment(
            Map.of("OPENSHELL_LOG_FORMAT", "text", "OPENSHELL_AGENT_LOG_LEVEL", "ERROR"));

    assertThat(same.agentLogging()).isEqualTo(new LogSettings(Format.TEXT, Level.WARN));
    assertThat(own.agentLogging()).isEqualTo(new LogSettings(Format.JSON, Level.DEBUG));
    assertThat(levelOnly.agentLogging()).isEqualTo(new LogSettings(Format.TEXT, Level.ERROR));
  }

  @Test
  void badLogVariablesAreAllNamedWithTheirAllowedValues() {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of(
                        "OPENSHELL_LOG_LEVEL", "LOUD",
                        "OPENSHELL_AGENT_LOG_FORMAT", "yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OPENSHELL_LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got LOUD;"
                + " OPENSHELL_AGENT_LOG_FORMAT must be json or text, got yaml");
  }
}
