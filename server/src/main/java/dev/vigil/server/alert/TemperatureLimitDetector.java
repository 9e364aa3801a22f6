package dev.vigil.server.alert;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Raises an alert when a temperature reaches the hardware's own high limit from the catalog. */
public final class TemperatureLimitDetector implements AlertDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "temperature-hardware-limit";

  /** How long the temperature must stay at or above the limit. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(5);

  /** The alert resolves once the temperature is this far below the limit. */
  public static final double CLEAR_MARGIN_CELSIUS = 2.0;

  @Override
  public void onSample(AlertHost host, Sample sample, List<Observation> out) {
    for (Map.Entry<String, Double> entry : sample.values().entrySet()) {
      SensorInfo info = host.sensor(entry.getKey());
      if (info == null || info.kind() != SensorKind.TEMPERATURE || info.highLimit() == null) {
        continue;
      }
      double value = entry.getValue();
      double limit = info.highLimit();
      out.add(
          new Observation(
              Observation.key(RULE_ID, host.hostId(), info.id()),
              RULE_ID,
              host.hostId(),
              host.hostName(),
              info.id(),
              Severity.CRITICAL,
              MIN_DURATION,
              value >= limit,
              value < limit - CLEAR_MARGIN_CELSIUS,
              value,
              limit,
              () ->
                  SensorText.compared(
                      info, info.id(), value, "≥ hardware limit", limit, host.hostName())));
    }
  }
}
