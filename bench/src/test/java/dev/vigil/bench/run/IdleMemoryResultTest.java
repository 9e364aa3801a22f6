package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IdleMemoryResultTest {
  private static final MemoryReading BEFORE = new MemoryReading(0, 100_000_000, 20_000_000);
  private static final MemoryReading HALF = new MemoryReading(1_000, 160_000_000, 35_000_000);

  @Test
  void marginalCostDividesTheGrowthFromHalfToFullByTheAgentsConnectedInBetween() {
    IdleMemoryResult result =
        new IdleMemoryResult(
            2_000, BEFORE, HALF, new MemoryReading(1_980, 163_920_000, 36_960_000));

    assertThat(result.marginalRssBytesPerConnection()).isEqualTo(4_000.0);
    assertThat(result.marginalLiveHeapBytesPerConnection()).isEqualTo(2_000.0);
  }

  @Test
  void firstStepCostDividesTheGrowthFromBeforeByTheFirstStepConnected() {
    IdleMemoryResult result =
        new IdleMemoryResult(2_000, BEFORE, HALF, new MemoryReading(2_000, 0, 0));

    assertThat(result.firstStepRssBytesPerConnection()).isEqualTo(60_000.0);
    assertThat(result.firstStepLiveHeapBytesPerConnection()).isEqualTo(15_000.0);
  }

  @Test
  void marginalCostIsNotANumberWhenNoAgentConnectedInTheSecondHalf() {
    IdleMemoryResult result =
        new IdleMemoryResult(
            2_000, BEFORE, HALF, new MemoryReading(1_000, 170_000_000, 36_000_000));

    assertThat(result.marginalRssBytesPerConnection()).isNaN();
  }

  @Test
  void marginalCostIsNegativeWhenTheRelayShrankRatherThanHidden() {
    IdleMemoryResult result =
        new IdleMemoryResult(
            2_000, BEFORE, HALF, new MemoryReading(2_000, 159_000_000, 35_000_000));

    assertThat(result.marginalRssBytesPerConnection()).isEqualTo(-1_000.0);
  }

  @Test
  void marginalCostOverSeveralStepsIsTheLeastSquaresSlope() {
    // 3,000 B per agent, with a 2 MB heap growth step landing between the second and third reading
    IdleMemoryResult result =
        new IdleMemoryResult(
            4_000,
            BEFORE,
            List.of(
                new MemoryReading(1_000, 160_000_000, 35_000_000),
                new MemoryReading(2_000, 163_000_000, 38_000_000),
                new MemoryReading(3_000, 168_000_000, 41_000_000),
                new MemoryReading(4_000, 171_000_000, 44_000_000)));

    assertThat(result.marginalRssBytesPerConnection()).isEqualTo(3_800.0);
    assertThat(result.marginalLiveHeapBytesPerConnection()).isEqualTo(3_000.0);
  }
}
