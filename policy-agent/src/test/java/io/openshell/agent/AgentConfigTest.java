package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("OPENSHELL_NAMESPACE", "team-a");
    env.put("OPENSHELL_SANDBOX", "box");
    env.put("POD_NAME", "box-pod");
    return env;
  }

  @Test
  void defaultsFollowTheContract() {
    AgentConfig config = AgentConfig.fromEnv(minimal());
    assertThat(config)
        .isEqualTo(
            new AgentConfig(
                "team-a",
                "box",
                "openshell-policy-box",
                "box-pod",
                Path.of("/var/run/openshell/policy"),
                "127.0.0.1",
                9090));
  }

  @Test
  void everyDefaultCanBeOverridden() {
    Map<String, String> env = minimal();
    env.put("OPENSHELL_POLICY_CONFIGMAP", "custom");
    env.put("OPENSHELL_POLICY_DIR", "/tmp/p");
    env.put("OPENSHELL_AGENT_BIND", "0.0.0.0");
    env.put("OPENSHELL_AGENT_PORT", "8081");
    AgentConfig config = AgentConfig.fromEnv(env);
    assertThat(config.configMapName()).isEqualTo("custom");
    assertThat(config.policyDir()).isEqualTo(Path.of("/tmp/p"));
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(8081);
  }

  @Test
  void missingRequiredVariablesAreAllNamed() {
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("OPENSHELL_NAMESPACE", "OPENSHELL_SANDBOX", "POD_NAME");
  }

  @Test
  void aPortThatIsNotANumberIsRefused() {
    Map<String, String> env = minimal();
    env.put("OPENSHELL_AGENT_PORT", "http");
    assertThatThrownBy(() -> AgentConfig.fromEnv(env))
        .hasMessageContaining("OPENSHELL_AGENT_PORT must be a port number");
  }

  @Test
  void anUnknownLogFormatOrLevelIsRefusedWithTheAllowedValues() {
    Map<String, String> env = minimal();
    env.put("OPENSHELL_LOG_FORMAT", "logfmt");
    env.put("OPENSHELL_LOG_LEVEL", "FINE");
    assertThatThrownBy(() -> AgentConfig.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OPENSHELL_LOG_FORMAT must be json or text, got logfmt; OPENSHELL_LOG_LEVEL must be"
                + " TRACE, DEBUG, INFO, WARN or ERROR, got FINE");
  }

  @Test
  void theLogFormatAndLevelTheOperatorRendersAreAccepted() {
    Map<String, String> env = minimal();
    env.put("OPENSHELL_LOG_FORMAT", "text");
    env.put("OPENSHELL_LOG_LEVEL", "DEBUG");
    assertThat(AgentConfig.fromEnv(env)).isEqualTo(AgentConfig.fromEnv(minimal()));
  }
}
