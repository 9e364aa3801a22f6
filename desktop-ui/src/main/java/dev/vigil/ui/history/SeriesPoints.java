package dev.vigil.ui.history;

import java.util.Objects;

/**
 * One sensor's stored values over a time range, oldest first, as the relay's history gives them:
 * raw samples, or one-minute averages (with their minimum and maximum).
 *
 * @param hostId the host
 * @param sensorId the sensor
 * @param resolution {@code raw} or {@code 1m}
 * @param timesMs when, epoch milliseconds (the minute's start for {@code 1m})
 * @param values the value, or the minute's average
 */
public record SeriesPoints(
    String hostId, String sensorId, String resolution, long[] timesMs, double[] values) {
  public SeriesPoints {
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(sensorId, "sensorId");
    if (timesMs.length != values.length) {
      throw new IllegalArgumentException(
          "times and values differ in length: " + timesMs.length + " vs " + values.length);
    }
  }

  /** Number of points. */
  public int size() {
    return timesMs.length;
  }
}
