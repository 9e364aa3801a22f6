package dev.vigil.ui.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AxisRangeTest {
  @Test
  void timeAxisSpansTheSecondsHeldRoundedUpToAWholeTick() {
    AxisRange x = AxisRange.secondsAgo(75);

    assertThat(x.tickUnit()).isEqualTo(15);
    assertThat(x.lower()).isEqualTo(-75);
    assertThat(x.upper()).isZero();
  }

  @Test
  void timeAxisWastesLessThanOneTickOfRoom() {
    AxisRange x = AxisRange.secondsAgo(61);

    assertThat(x.lower()).isEqualTo(-70);
    assertThat(x.tickUnit()).isEqualTo(10);
  }

  @Test
  void tenMinuteTimeAxisUsesWholeMinuteTicks() {
    AxisRange x = AxisRange.secondsAgo(600);

    assertThat(x.tickUnit()).isEqualTo(120);
    assertThat(x.lower()).isEqualTo(-600);
    x = AxisRange.secondsAgo(590);
    assertThat(x.tickUnit()).isEqualTo(120);
    assertThat(x.lower()).isEqualTo(-600);
  }

  @Test
  void valueAxisPadsAroundTheValuesWithoutForcingZero() {
    AxisRange y = AxisRange.values(46.3, 52.8, 4, Double.NaN, Double.NaN);

    assertThat(y.lower()).isGreaterThan(40).isLessThan(46.3);
    assertThat(y.upper()).isGreaterThan(52.8).isLessThan(60);
  }

  @Test
  void flatLineGetsTheMinimumSpanAroundIt() {
    AxisRange y = AxisRange.values(1.2, 1.2, 0.2, Double.NaN, Double.NaN);

    assertThat(y.upper() - y.lower()).isGreaterThanOrEqualTo(0.2);
    assertThat(y.lower()).isLessThan(1.2);
    assertThat(y.upper()).isGreaterThan(1.2);
    assertThat(y.decimals()).isPositive();
  }

  @Test
  void loadAxisStaysBetweenZeroAndHundred() {
    AxisRange y = AxisRange.values(2, 99, 10, 0, 100);

    assertThat(y.lower()).isZero();
    assertThat(y.upper()).isEqualTo(100);
  }

  @Test
  void voltagesFromOneToTwelveVoltsAllFitOnOneAxis() {
    AxisRange y = AxisRange.values(1.19, 12.1, 0.2, Double.NaN, Double.NaN);

    assertThat(y.lower()).isLessThan(1.19).isGreaterThanOrEqualTo(-1);
    assertThat(y.upper()).isGreaterThan(12.1).isLessThanOrEqualTo(15);
  }
}
