package io.openshell.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  private static List<Long> millis(int from, int to) {
    List<Long> out = new ArrayList<>();
    for (int i = to; i >= from; i--) {
      out.add(i * 1_000_000L);
    }
    return out;
  }

  @Test
  void p50IsTheNearestRankMedianOfAnUnsortedSample() {
    assertThat(LatencyStats.ofNanos(millis(1, 100)).p50Millis()).isEqualTo(50.0);
  }

  @Test
  void p99OfAHundredSamplesIsTheSecondLargest() {
    assertThat(LatencyStats.ofNanos(millis(1, 100)).p99Millis()).isEqualTo(99.0);
  }

  @Test
  void p99OfTwentySamplesIsTheLargest() {
    assertThat(LatencyStats.ofNanos(millis(1, 20)).p99Millis()).isEqualTo(20.0);
  }

  @Test
  void maxIsTheLargestSample() {
    assertThat(LatencyStats.ofNanos(millis(3, 7)).maxMillis()).isEqualTo(7.0);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    assertThat(LatencyStats.ofNanos(List.of(2_500_000L)))
        .isEqualTo(new LatencyStats(1, 2.5, 2.5, 2.5));
  }

  @Test
  void anEmptySampleIsRejected() {
    assertThatThrownBy(() -> LatencyStats.ofNanos(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
