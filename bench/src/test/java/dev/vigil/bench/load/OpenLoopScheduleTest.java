package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OpenLoopScheduleTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void agentIOfNSendsAtIOverNOfEveryPeriod() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(5_000, SECOND, 4);

    assertThat(schedule.scheduledNanos(0, 1)).isEqualTo(5_000);
    assertThat(schedule.scheduledNanos(1, 1)).isEqualTo(5_000 + 250_000_000L);
    assertThat(schedule.scheduledNanos(3, 1)).isEqualTo(5_000 + 750_000_000L);
    assertThat(schedule.scheduledNanos(3, 3)).isEqualTo(5_000 + 2 * SECOND + 750_000_000L);
  }

  @Test
  void slotsVisitEveryAgentOncePerPeriodInTimeOrder() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(0, SECOND, 1_000);
    long previous = -1;

    for (long slot = 0; slot < 3_000; slot++) {
      long due = schedule.scheduledNanosOf(slot);
      assertThat(due).isGreaterThan(previous);
      assertThat(schedule.agentOf(slot)).isEqualTo((int) (slot % 1_000));
      assertThat(schedule.seqOf(slot)).isEqualTo(slot / 1_000 + 1);
      previous = due;
    }
    assertThat(schedule.scheduledNanosOf(3_000)).isEqualTo(3 * SECOND);
  }

  @Test
  void offsetsOfTenThousandAgentsAreOneHundredMicrosecondsApart() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(0, SECOND, 10_000);

    assertThat(schedule.offsetNanos(1)).isEqualTo(100_000);
    assertThat(schedule.offsetNanos(9_999)).isEqualTo(SECOND - 100_000);
  }

  @Test
  void atFourHertzAgentIOfNSendsAtKOverRPlusIOverNr() {
    OpenLoopSchedule schedule = OpenLoopSchedule.atRate(1_000, 4, 10, 51);

    assertThat(schedule.periodNanos()).isEqualTo(250_000_000L);
    assertThat(schedule.scheduledNanos(0, 51)).isEqualTo(1_000);
    assertThat(schedule.scheduledNanos(3, 51)).isEqualTo(1_000 + 75_000_000L);
    assertThat(schedule.scheduledNanos(3, 53)).isEqualTo(1_000 + 500_000_000L + 75_000_000L);
    assertThat(schedule.seqOf(0)).isEqualTo(51);
    assertThat(schedule.seqOf(25)).isEqualTo(53);
  }

  @Test
  void lastSeqBeforeAnInstantIsTheLastMessageAnyAgentCouldHaveSent() {
    OpenLoopSchedule schedule = OpenLoopSchedule.atRate(0, 10, 5, 7);

    assertThat(schedule.lastSeqBefore(0)).isEqualTo(6);
    assertThat(schedule.lastSeqBefore(1)).isEqualTo(7);
    assertThat(schedule.lastSeqBefore(SECOND)).isEqualTo(16);
    assertThat(schedule.lastSeqBefore(SECOND + 1)).isEqualTo(17);
  }
}
