package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReconnectResultTest {
  private static final long MS = 1_000_000;

  @Test
  void peakCountsTheBusiestWindowNotTheAverage() {
    long[] times = {0, 100 * MS, 1_500 * MS, 1_600 * MS, 1_700 * MS, 2_400 * MS, 4_000 * MS};

    assertThat(ReconnectResult.peakInWindow(times, 1_000 * MS)).isEqualTo(4);
    assertThat(ReconnectResult.peakInWindow(times, 100 * MS)).isEqualTo(1);
  }

  @Test
  void windowIsHalfOpen() {
    long[] times = {0, 1_000 * MS};

    assertThat(ReconnectResult.peakInWindow(times, 1_000 * MS)).isEqualTo(1);
  }

  @Test
  void noTimesNoPeak() {
    assertThat(ReconnectResult.peakInWindow(new long[0], 1_000 * MS)).isZero();
  }
}
