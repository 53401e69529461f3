package io.openshell.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupportTest {
  @Test
  void sampleSpreadsEvenlyAndWrapsWithTheOffset() {
    assertThat(OperatorLoadHarness.sample(List.of("a", "b", "c", "d"), 2, 1))
        .containsExactly("b", "d");
  }

  @Test
  void sampleIsCappedAtThePopulation() {
    assertThat(OperatorLoadHarness.sample(List.of("a", "b"), 5, 1)).containsExactly("b", "a");
  }

  @Test
  void usedHeapSumsEveryGenerationOfJcmdHeapInfo() {
    String serial =
        "12345:\n def new generation   total 4928K, used 1000K [0x0, 0x0, 0x0)\n"
            + "  eden space 4416K,  20% used\n"
            + " tenured generation   total 10944K, used 2000K [0x0, 0x0, 0x0)\n"
            + " Metaspace       used 30000K, committed 31000K, reserved 1088K\n";
    assertThat(ChildProcess.parseUsedHeapKib(serial)).isEqualTo(3000);
  }

  @Test
  void usedHeapReadsTheG1Line() {
    String g1 =
        "1:\n garbage-first heap   total 262144K, used 41234K [0x0, 0x0)\n"
            + "  region size 1024K, 1 young (1024K), 0 survivors (0K)\n"
            + " Metaspace       used 50000K, committed 51000K, reserved 1114112K\n";
    assertThat(ChildProcess.parseUsedHeapKib(g1)).isEqualTo(41234);
  }

  @Test
  void collectorIsNamedFromTheHeapInfo() {
    assertThat(ChildProcess.collectorOf(" def new generation   total 1K, used 1K"))
        .isEqualTo("Serial");
  }

  @Test
  void metricsTotalSumsOverLabelSets() {
    String text =
        "# TYPE openshell_reconciles_total counter\n"
            + "openshell_reconciles_total{kind=\"Sandbox\",result=\"ok\"} 3.0\n"
            + "openshell_reconciles_total{kind=\"Provider\",result=\"ok\"} 4.0\n"
            + "openshell_reconciles_totally 9.0\n";
    assertThat(Metrics.total(text, "openshell_reconciles_total")).isEqualTo(7.0);
  }

  @Test
  void ruleKeySanitisesDashes() {
    assertThat(Fixtures.ruleKey("work-github")).isEqualTo("_provider_work_github");
  }
}
