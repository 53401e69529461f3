package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code OPENSHELL_PLUGIN_TRACE}: phase lines on stderr when asked for, nothing otherwise. */
class StartupTraceTest {

  private static String traced(Map<String, String> env) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StartupTrace trace = StartupTrace.fromEnvironment(env, out);
    trace.mark("main");
    trace.mark("command done, exit code 0");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutTheVariableNothingIsPrinted() {
    assertThat(traced(Map.of())).isEmpty();
    assertThat(traced(Map.of("OPENSHELL_PLUGIN_TRACE", "0"))).isEmpty();
    assertThat(traced(Map.of("OPENSHELL_PLUGIN_TRACE", "no"))).isEmpty();
  }

  @Test
  void withTheVariableEachPhaseIsOneLineWithTheSecondsSinceStart() {
    for (String on : new String[] {"1", "true", "TRUE"}) {
      assertThat(traced(Map.of("OPENSHELL_PLUGIN_TRACE", on)))
          .matches(
              "kubectl-openshell trace: \\d+\\.\\d{3}s main\\n"
                  + "kubectl-openshell trace: \\d+\\.\\d{3}s command done, exit code 0\\n");
    }
  }
}
