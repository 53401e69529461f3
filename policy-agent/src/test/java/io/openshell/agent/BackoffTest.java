package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration INITIAL = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void theBaseDelayDoublesWithEachFailure() {
    Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.999999);
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(199));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(399));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(799));
  }

  @Test
  void theDelayNeverExceedsTheCap() {
    Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.999999);
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.next()).isLessThanOrEqualTo(MAX);
    }
    assertThat(backoff.next()).isGreaterThan(MAX.dividedBy(2));
  }

  @Test
  void jitterKeepsTheDelayBetweenHalfTheBaseAndTheBase() {
    Backoff low = new Backoff(INITIAL, MAX, () -> 0.0);
    Backoff high = new Backoff(INITIAL, MAX, () -> 0.999999);
    for (int i = 0; i < 4; i++) {
      low.next();
      high.next();
    }
    // fifth attempt: base 3200 ms
    assertThat(low.next()).isEqualTo(Duration.ofMillis(1600));
    assertThat(high.next()).isEqualTo(Duration.ofMillis(3199));
  }

  @Test
  void resetStartsAgainFromTheInitialDelay() {
    Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
  }
}
