package io.openshell.operator;

import java.util.concurrent.CountDownLatch;

/** Graceful shutdown of a long-running process (the operator, the embedded mode). */
final class Shutdown {
  private Shutdown() {}

  /** Blocks until the JVM is asked to stop, then runs {@code onStop} (graceful shutdown). */
  static void await(Runnable onStop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  onStop.run();
                  stopped.countDown();
                },
                "openshell-shutdown"));
    stopped.await();
  }
}
