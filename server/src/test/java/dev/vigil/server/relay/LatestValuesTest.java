package dev.vigil.server.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Sample;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LatestValuesTest {
  private final LatestValues latest = new LatestValues();

  @Test
  void hostWithoutSamplesHasNoLatestSample() {
    assertThat(latest.toSample("h")).isNull();
  }

  @Test
  void latestSampleIsExactlyTheLastOneReceived() {
    latest.update(new Sample("h", 1, Map.of("a", 1.0, "b", 2.0, "c", 3.0)));
    Sample last = new Sample("h", 2, Map.of("b", 20.0, "d", 40.0));

    latest.update(last);

    assertThat(latest.toSample("h")).isEqualTo(last);
  }

  @Test
  void hostWhoseSensorIdsNeverRepeatStaysWithinTheSlotLimit() {
    Sample last = null;
    for (int i = 0; i < 3 * LatestValues.MAX_SENSOR_SLOTS; i++) {
      Map<String, Double> values = new HashMap<>();
      values.put("churn." + i, (double) i);
      values.put("steady", 1.0);
      last = new Sample("h", i, values);
      latest.update(last);
      assertThat(latest.slotCount()).isLessThanOrEqualTo(LatestValues.MAX_SENSOR_SLOTS);
    }

    assertThat(latest.toSample("h")).isEqualTo(last);
  }
}
