package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class BackoffTest {

  @Test
  void ceilingDoublesFromBaseUpToCap() {
    Backoff backoff = new Backoff(500, 30_000, () -> 0.999_999);

    long[] delays = new long[9];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = backoff.nextDelayMs();
    }

    assertThat(delays).containsExactly(499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999);
  }

  @Test
  void fullJitterCanPickAnyDelayDownToZero() {
    Backoff backoff = new Backoff(500, 30_000, () -> 0.0);

    assertThat(backoff.nextDelayMs()).isZero();
    assertThat(backoff.nextDelayMs()).isZero();
  }

  @Test
  void resetStartsAgainFromTheBase() {
    Backoff backoff = new Backoff(500, 30_000, () -> 0.5);
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    backoff.nextDelayMs();

    backoff.reset();

    assertThat(backoff.nextDelayMs()).isEqualTo(250);
  }

  @Test
  void manyAttemptsNeverOverflowPastTheCap() {
    Backoff backoff = new Backoff(500, 30_000, () -> 0.999);
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.nextDelayMs()).isBetween(0L, 30_000L);
    }
  }

  @Test
  void realRandomDelaysSpreadAcrossTheWindow() {
    Backoff backoff = new Backoff(1000, 1000, Math::random);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 2000; i++) {
      long d = backoff.nextDelayMs();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }

    assertThat(min).isLessThan(100);
    assertThat(max).isGreaterThan(900);
  }
}
