package dev.vigil.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SeriesHistoryTest {

  @Test
  void fullRingDropsTheOldestPoint() {
    SeriesHistory history = new SeriesHistory(3);
    for (int i = 1; i <= 5; i++) {
      history.add(i * 1_000L, i);
    }

    assertThat(history.size()).isEqualTo(3);
    assertThat(history.timeAt(0)).isEqualTo(3_000);
    assertThat(history.valueAt(2)).isEqualTo(5);
  }

  @Test
  void pointNotNewerThanTheLastIsIgnored() {
    SeriesHistory history = new SeriesHistory(3);
    history.add(2_000, 1);

    assertThat(history.add(2_000, 7)).isFalse();
    assertThat(history.add(1_000, 7)).isFalse();
    assertThat(history.size()).isEqualTo(1);
  }
}
