package io.openshell.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1} is rejected")
  @CsvSource({
    "replicaCount, 0",
    "replicaCount, 3",
    "webhook.failurePolicy, Sometimes",
    "webhook.port, 80",
    "image.pullPolicy, Whenever",
    "metrics.serviceMonitor.interval, soon",
    "logging.format, xml",
    "logging.level, LOUD",
    "logging.agent.format, logfmt",
    "logging.agent.level, debug"
  })
  void invalidValuesAreRejectedByTheSchema(String key, String value) {
    Object typed = value.matches("-?\\d+") ? Integer.valueOf(value) : value;

    assertThatThrownBy(() -> RenderedChart.render(Map.of(key, typed)))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  @Test
  void anUnknownTopLevelValueIsRejected() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("replicas", 2)))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }
}
