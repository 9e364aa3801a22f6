package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;

/**
 * A detector that judges each sensor value on its own. Rather than walking every sample, it says
 * once per host catalog which sensors it watches and how; the {@link AlertEngine} then hands it
 * only those values, through {@link SensorWatch#judge}. Its {@link #onSample} is not called.
 */
public interface SensorDetector extends AlertDetector {
  /**
   * How this detector judges sensor {@code sensorId} of {@code host}, or {@code null} when it
   * ignores that sensor. The answer may depend only on the host's id and name, the sensor id and
   * its catalog entry: the engine keeps it until the host's catalog or name changes.
   *
   * @param info the sensor's catalog entry; {@code null} when the host's catalog lacks it
   */
  SensorWatch watch(AlertHost host, String sensorId, SensorInfo info);
}
