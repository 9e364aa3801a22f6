package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.payload.Stamp;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MeasurementTest {
  private static final long SECOND_US = 1_000_000;

  /** Two agents, two dashboards, window covering seconds 2 and 3 (seq 3 and 4 at 1 Hz). */
  private static Measurement twoByTwo() {
    Measurement m = new Measurement(2, 2, 10);
    m.window(2 * SECOND_US, 4 * SECOND_US);
    for (int agent = 0; agent < 2; agent++) {
      for (long seq = 1; seq <= 6; seq++) {
        m.onSent(agent, seq, scheduledUs(agent, seq), 0);
      }
    }
    return m;
  }

  private static long scheduledUs(int agent, long seq) {
    return (seq - 1) * SECOND_US + agent * SECOND_US / 2;
  }

  private static void deliver(Measurement m, int dashboard, int agent, long seq, long latencyUs) {
    Stamp stamp = new Stamp();
    stamp.agent = agent;
    stamp.seq = seq;
    stamp.scheduledUs = scheduledUs(agent, seq);
    m.onDelivery(dashboard, stamp, stamp.scheduledUs + latencyUs);
  }

  @Test
  void expectedDeliveriesAreWindowSamplesTimesDashboards() {
    Measurement.Tally tally = twoByTwo().tally(2);

    assertThat(tally.sentInWindow()).isEqualTo(4);
    assertThat(tally.sentTotal()).isEqualTo(12);
    assertThat(tally.expectedDeliveries()).isEqualTo(8);
  }

  @Test
  void missingWindowDeliveriesCountAsLostAndOthersDoNot() {
    Measurement m = twoByTwo();
    for (int d = 0; d < 2; d++) {
      for (int a = 0; a < 2; a++) {
        for (long seq = 1; seq <= 6; seq++) {
          boolean dropped = d == 1 && a == 0 && seq == 4;
          boolean outsideWindowDrop = d == 0 && seq == 6;
          if (!dropped && !outsideWindowDrop) {
            deliver(m, d, a, seq, 1_000);
          }
        }
      }
    }

    Measurement.Tally tally = m.tally(2);

    assertThat(tally.deliveredInWindow()).isEqualTo(7);
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.latencyUs().getTotalCount()).isEqualTo(7);
  }

  @Test
  void repeatedWindowDeliveryIsADuplicateAndNotASecondLatency() {
    Measurement m = twoByTwo();
    deliver(m, 0, 1, 3, 2_000);
    deliver(m, 0, 1, 3, 9_000);
    deliver(m, 0, 1, 1, 2_000);
    deliver(m, 0, 1, 1, 2_000);

    Measurement.Tally tally = m.tally(2);

    assertThat(tally.duplicates()).isEqualTo(1);
    assertThat(tally.latencyUs().getTotalCount()).isEqualTo(1);
    assertThat(tally.latencyUs().getMaxValue()).isBetween(1_999L, 2_001L);
  }
}
