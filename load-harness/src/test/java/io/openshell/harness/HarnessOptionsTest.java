package io.openshell.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {
  @Test
  void defaultsMeasureAHundredAndAThousandSandboxes() {
    HarnessOptions o = HarnessOptions.parse();
    assertThat(o.sandboxCounts()).containsExactly(100, 1000);
    assertThat(o.appendTo()).isEmpty();
    assertThat(o.agentSamples()).isEqualTo(100);
    assertThat(o.indexedApiServer()).isTrue();
    assertThat(o.operatorHttp2()).isFalse();
  }

  @Test
  void sandboxesTakesACommaSeparatedList() {
    assertThat(HarnessOptions.parse("--sandboxes", "10, 50").sandboxCounts())
        .containsExactly(10, 50);
  }

  @Test
  void largestCountIsTheRunWithAgents() {
    assertThat(HarnessOptions.parse("--sandboxes", "1000,100").largestCount()).isEqualTo(1000);
  }

  @Test
  void everyValuedOptionIsRead() {
    HarnessOptions o =
        HarnessOptions.parse(
            "--attach-samples",
            "7",
            "--burst-samples",
            "0",
            "--agents",
            "3",
            "--agent-samples",
            "40",
            "--unindexed-api-server",
            "--operator-http2",
            "--operator-jar",
            "a.jar",
            "--agent-jar",
            "b.jar",
            "--operator-jvm",
            "-Xmx256m",
            "--work-dir",
            "w",
            "--append-to",
            "doc.md");
    assertThat(o)
        .isEqualTo(
            new HarnessOptions(
                List.of(100, 1000),
                7,
                0,
                3,
                40,
                Path.of("a.jar"),
                Path.of("b.jar"),
                "-Xmx256m",
                Path.of("w"),
                Optional.of(Path.of("doc.md")),
                false,
                true));
  }

  @Test
  void anUnknownOptionIsNamed() {
    assertThatThrownBy(() -> HarnessOptions.parse("--sandbox", "5"))
        .hasMessage("unknown option --sandbox");
  }

  @Test
  void aMissingValueIsNamed() {
    assertThatThrownBy(() -> HarnessOptions.parse("--agents"))
        .hasMessage("missing value for --agents");
  }

  @Test
  void aNonNumericCountIsRejected() {
    assertThatThrownBy(() -> HarnessOptions.parse("--sandboxes", "1k"))
        .hasMessage("--sandboxes expects a number, got 1k");
  }

  @Test
  void zeroSandboxesIsRejected() {
    assertThatThrownBy(() -> HarnessOptions.parse("--sandboxes", "0"))
        .hasMessage("--sandboxes values must be at least 1");
  }

  @Test
  void zeroAttachSamplesIsRejected() {
    assertThatThrownBy(() -> HarnessOptions.parse("--attach-samples", "0"))
        .hasMessage("--attach-samples must be at least 1");
  }
}
