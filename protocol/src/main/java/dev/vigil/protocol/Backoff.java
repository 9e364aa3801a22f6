package dev.vigil.protocol;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a uniform random time in [0, min(cap, base
 * × 2^n)], so that many peers reconnecting after a relay restart spread out instead of arriving as
 * a storm. Not thread-safe; one per connection.
 */
public final class Backoff {
  /** Default first ceiling: 0.5 s. */
  public static final long DEFAULT_BASE_MS = 500;

  /** Default largest ceiling: 30 s. */
  public static final long DEFAULT_CAP_MS = 30_000;

  private final long baseMs;
  private final long capMs;
  private final DoubleSupplier random;
  private int attempt;

  /** Backoff from 0.5 s to 30 s with a real random source. */
  public Backoff() {
    this(DEFAULT_BASE_MS, DEFAULT_CAP_MS, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param baseMs the ceiling of the first delay
   * @param capMs the largest ceiling
   * @param random source of uniform values in [0, 1)
   */
  public Backoff(long baseMs, long capMs, DoubleSupplier random) {
    if (baseMs <= 0 || capMs < baseMs) {
      throw new IllegalArgumentException("need 0 < base <= cap, got " + baseMs + ", " + capMs);
    }
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.random = random;
  }

  /** The ceiling for the current attempt, in milliseconds. */
  public long currentCeilingMs() {
    int shift = Math.min(attempt, 30);
    long ceiling = baseMs << shift;
    return ceiling <= 0 || ceiling > capMs ? capMs : ceiling;
  }

  /** The delay before the next attempt, in milliseconds; advances the attempt counter. */
  public long nextDelayMs() {
    long delay = (long) (random.getAsDouble() * currentCeilingMs());
    attempt++;
    return delay;
  }

  /** Call after a connection succeeded: the next failure starts from the base again. */
  public void reset() {
    attempt = 0;
  }

  /** How many delays were handed out since the last reset. */
  public int attempts() {
    return attempt;
  }
}
