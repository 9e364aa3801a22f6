package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which sampling ticks the agent takes. */
class SampleTicksTest {
  private static final long MS = 1_000_000L;

  @Test
  void ticksOnScheduleAreAllTaken() {
    SampleTicks ticks = new SampleTicks(100);

    assertThat(ticks.due(0)).isTrue();
    assertThat(ticks.due(100 * MS)).isTrue();
    assertThat(ticks.due(195 * MS)).isTrue();
  }

  @Test
  void catchUpTicksFiredBackToBackAfterAStallAreDropped() {
    SampleTicks ticks = new SampleTicks(100);
    ticks.due(0);

    // held up 300 ms: the fixed-rate schedule fires its three missed ticks at once
    assertThat(ticks.due(364 * MS)).isTrue();
    assertThat(ticks.due(366 * MS)).isFalse();
    assertThat(ticks.due(366 * MS)).isFalse();
    assertThat(ticks.due(400 * MS)).isFalse();
    assertThat(ticks.due(500 * MS)).isTrue();
  }

  @Test
  void aNewIntervalCountsFromTheNextTick() {
    SampleTicks ticks = new SampleTicks(1_000);
    ticks.due(0);
    ticks.interval(100);

    assertThat(ticks.due(60 * MS)).isTrue();
  }
}
