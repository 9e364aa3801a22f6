package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;

/** Raises an alert when a temperature reaches the hardware's own high limit from the catalog. */
public final class TemperatureLimitDetector implements SensorDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "temperature-hardware-limit";

  /** How long the temperature must stay at or above the limit. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(5);

  /** The alert resolves once the temperature is this far below the limit. */
  public static final double CLEAR_MARGIN_CELSIUS = 2.0;

  @Override
  public SensorWatch watch(AlertHost host, String sensorId, SensorInfo info) {
    if (info == null || info.kind() != SensorKind.TEMPERATURE || info.highLimit() == null) {
      return null;
    }
    AlertKey key = new AlertKey(RULE_ID, host.hostId(), info.id());
    double limit = info.highLimit();
    return (h, value, out) -> {
      boolean triggered = value >= limit;
      if (!out.matters(key, triggered)) {
        return;
      }
      out.add(
          new Observation(
              key,
              RULE_ID,
              h.hostId(),
              h.hostName(),
              info.id(),
              Severity.CRITICAL,
              MIN_DURATION,
              triggered,
              value < limit - CLEAR_MARGIN_CELSIUS,
              value,
              limit,
              () ->
                  SensorText.compared(
                      info, info.id(), value, "≥ hardware limit", limit, h.hostName())));
    };
  }
}
