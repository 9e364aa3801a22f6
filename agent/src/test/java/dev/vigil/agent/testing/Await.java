package dev.vigil.agent.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; no fixed sleeps in tests. */
public final class Await {
  private static final long POLL_MS = 10;

  private Await() {}

  /** True as soon as the condition holds; false if it still does not after the timeout. */
  public static boolean until(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(POLL_MS);
    }
    return condition.getAsBoolean();
  }
}
