package io.openshell.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th delay lies in [base/2, base], base doubling up
 * to a cap.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private int attempt;

  /**
   * @param initial the base delay of the first retry
   * @param max the cap for the base delay
   * @param random values in [0, 1); injected so tests can pin the jitter
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = Objects.requireNonNull(random, "random");
    if (initialMillis <= 0 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
  }

  /** The delay before the next retry; each call counts as one more failed attempt. */
  synchronized Duration next() {
    long base = initialMillis;
    // Stop doubling once the cap is reached so the shift can never overflow.
    for (int i = 0; i < attempt && base < maxMillis; i++) {
      base = base * 2;
    }
    base = Math.min(base, maxMillis);
    attempt++;
    // Jitter spreads the reconnects of many sidecars after an API server restart.
    long half = base / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (base - half)));
  }

  /** Forget the failures: the next delay is the initial one again. */
  synchronized void reset() {
    attempt = 0;
  }
}
