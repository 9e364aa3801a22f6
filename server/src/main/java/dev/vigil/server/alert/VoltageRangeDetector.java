package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;

/** Raises an alert when a voltage leaves the range the hardware reports in the catalog. */
public final class VoltageRangeDetector implements SensorDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "voltage-out-of-range";

  /** How long the voltage must stay out of range. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(5);

  @Override
  public SensorWatch watch(AlertHost host, String sensorId, SensorInfo info) {
    if (info == null
        || info.kind() != SensorKind.VOLTAGE
        || (info.lowLimit() == null && info.highLimit() == null)) {
      return null;
    }
    AlertKey key = new AlertKey(RULE_ID, host.hostId(), info.id());
    return (h, value, out) -> {
      boolean low = info.lowLimit() != null && value < info.lowLimit();
      boolean high = info.highLimit() != null && value > info.highLimit();
      if (!out.matters(key, low || high)) {
        return;
      }
      Double violated = low ? info.lowLimit() : high ? info.highLimit() : null;
      out.add(
          new Observation(
              key,
              RULE_ID,
              h.hostId(),
              h.hostName(),
              info.id(),
              Severity.WARNING,
              MIN_DURATION,
              low || high,
              !low && !high,
              value,
              violated,
              () ->
                  SensorText.label(info, info.id())
                      + " "
                      + ValueFormat.withUnit(value, info.unit())
                      + " outside "
                      + range(info)
                      + " on "
                      + h.hostName()));
    };
  }

  private static String range(SensorInfo info) {
    String low = info.lowLimit() == null ? "" : ValueFormat.withUnit(info.lowLimit(), info.unit());
    String high =
        info.highLimit() == null ? "" : ValueFormat.withUnit(info.highLimit(), info.unit());
    if (info.lowLimit() == null) {
      return "limit ≤ " + high;
    }
    if (info.highLimit() == null) {
      return "limit ≥ " + low;
    }
    return low + " – " + high;
  }
}
