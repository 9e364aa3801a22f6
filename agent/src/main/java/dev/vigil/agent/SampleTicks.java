package dev.vigil.agent;

/**
 * Drops the sampling ticks a fixed-rate schedule fires back to back to catch up after the agent was
 * held up (a long pause, a suspended VM or laptop): those would read the same sensors within the
 * same millisecond, a burst of identical samples, one per missed interval. A tick is due when at
 * least half an interval passed since the last one taken. Not thread-safe (the agent's thread).
 */
final class SampleTicks {
  private long intervalNanos;
  private long lastNanos;
  private boolean any;

  SampleTicks(long intervalMs) {
    interval(intervalMs);
  }

  /** A new interval, from the next tick on. */
  void interval(long intervalMs) {
    intervalNanos = intervalMs * 1_000_000L;
  }

  /** Whether the tick firing at {@code nowNanos} should sample; records it when it should. */
  boolean due(long nowNanos) {
    if (any && nowNanos - lastNanos < intervalNanos / 2) {
      return false;
    }
    any = true;
    lastNanos = nowNanos;
    return true;
  }
}
