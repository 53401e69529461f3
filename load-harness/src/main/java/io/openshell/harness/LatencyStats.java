package io.openshell.harness;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a latency sample: count, p50, p99 and max by the nearest-rank method (the value at
 * rank ceil(p * n) of the sorted sample), so every reported figure is one that was measured.
 */
public record LatencyStats(int count, double p50Millis, double p99Millis, double maxMillis) {

  /** Summarises durations given in nanoseconds; an empty sample is an error. */
  public static LatencyStats ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new LatencyStats(
        sorted.length,
        millis(nearestRank(sorted, 0.50)),
        millis(nearestRank(sorted, 0.99)),
        millis(sorted[sorted.length - 1]));
  }

  /** The value at rank ceil(p * n) (1-based) of an ascending array. */
  static long nearestRank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
