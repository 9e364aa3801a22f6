package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorUnit;

/** Builds the human sentences of sensor alerts, e.g. "CPU package 92.5 °C ≥ 85 °C on rack-07". */
final class SensorText {
  private SensorText() {}

  /** The sensor's label from the catalog, or its id when the catalog has none. */
  static String label(SensorInfo info, String sensorId) {
    if (info != null && info.rawLabel() != null && !info.rawLabel().isBlank()) {
      return info.rawLabel();
    }
    return sensorId;
  }

  /** "label value ≥ threshold on host". */
  static String compared(
      SensorInfo info,
      String sensorId,
      double value,
      String symbol,
      double threshold,
      String hostName) {
    SensorUnit unit = info == null ? null : info.unit();
    return label(info, sensorId)
        + " "
        + ValueFormat.withUnit(value, unit)
        + " "
        + symbol
        + " "
        + ValueFormat.withUnit(threshold, unit)
        + " on "
        + hostName;
  }
}
