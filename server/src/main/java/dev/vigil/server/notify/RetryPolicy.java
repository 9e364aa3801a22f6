package dev.vigil.server.notify;

import java.time.Duration;

/**
 * How a failed delivery is retried: exponential backoff from {@code base}, doubling up to {@code
 * cap}, at most {@code maxAttempts} attempts in all.
 *
 * @param maxAttempts attempts before giving up, the first included
 * @param base wait after the first failure
 * @param cap longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

  /** Attempts per channel per transition by default. */
  public static final int MAX_ATTEMPTS = 5;

  /** First backoff by default. */
  public static final Duration BASE_DELAY = Duration.ofSeconds(1);

  /** Longest backoff by default. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);

  /** 5 attempts, 1 s doubling to at most 60 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(MAX_ATTEMPTS, BASE_DELAY, MAX_DELAY);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= cap");
    }
  }

  /** The wait after failed attempt number {@code attempt} (1 for the first). */
  public Duration delayAfter(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    long millis = base.toMillis() << doublings;
    return millis < 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
  }
}
