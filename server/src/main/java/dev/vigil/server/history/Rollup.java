package dev.vigil.server.history;

import java.util.Map;

/**
 * A finished (or partial, merged on write) minute of one host: each sensor's aggregate, stored as
 * one row.
 *
 * @param hostId the host
 * @param minuteMs start of the minute, epoch milliseconds
 * @param sensors each sensor's aggregate over the minute; every point's minute is {@code minuteMs}
 */
public record Rollup(String hostId, long minuteMs, Map<String, RollupPoint> sensors) {
  /** Checks that every point is of this minute. */
  public Rollup {
    sensors = Map.copyOf(sensors);
    for (RollupPoint p : sensors.values()) {
      if (p.minuteMs() != minuteMs) {
        throw new IllegalArgumentException(
            "a point of minute " + p.minuteMs() + " in the rollup of minute " + minuteMs);
      }
    }
  }

  /** A minute of one sensor only. */
  public static Rollup of(String hostId, String sensorId, RollupPoint point) {
    return new Rollup(hostId, point.minuteMs(), Map.of(sensorId, point));
  }
}
