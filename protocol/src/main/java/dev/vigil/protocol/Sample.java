package dev.vigil.protocol;

import java.util.Map;

/**
 * One reading of every present sensor of a host, keyed by sensor id, each value in the unit of its
 * {@link SensorInfo}. Absent sensors are not in the map.
 *
 * @param hostId the agent's host id
 * @param timestampMs when the values were read, epoch milliseconds (original time, also on replay)
 * @param values sensor id to value
 */
public record Sample(String hostId, long timestampMs, Map<String, Double> values)
    implements Message {
  public Sample {
    values = Map.copyOf(values);
  }
}
