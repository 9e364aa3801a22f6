package dev.vigil.server.alert;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises an alert when a fan that was seen spinning reads below {@link #STOPPED_BELOW_RPM}. Fans
 * never seen spinning (e.g. unconnected headers reading 0 rpm) never alert.
 */
public final class FanStoppedDetector implements AlertDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "fan-stopped";

  /** A fan reading below this speed counts as stopped. */
  public static final double STOPPED_BELOW_RPM = 100;

  /** How long the fan must read stopped. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(5);

  private final Set<String> seenSpinning = new HashSet<>();

  @Override
  public void onSample(AlertHost host, Sample sample, List<Observation> out) {
    for (Map.Entry<String, Double> entry : sample.values().entrySet()) {
      SensorInfo info = host.sensor(entry.getKey());
      if (info == null || info.kind() != SensorKind.FAN) {
        continue;
      }
      String key = Observation.key(RULE_ID, host.hostId(), info.id());
      double rpm = entry.getValue();
      if (rpm > 0) {
        seenSpinning.add(key);
      }
      if (!seenSpinning.contains(key)) {
        continue;
      }
      boolean stopped = rpm < STOPPED_BELOW_RPM;
      out.add(
          new Observation(
              key,
              RULE_ID,
              host.hostId(),
              host.hostName(),
              info.id(),
              Severity.CRITICAL,
              MIN_DURATION,
              stopped,
              !stopped,
              rpm,
              STOPPED_BELOW_RPM,
              () ->
                  "Fan "
                      + SensorText.label(info, info.id())
                      + " stopped: "
                      + ValueFormat.withUnit(rpm, info.unit())
                      + " < "
                      + ValueFormat.withUnit(STOPPED_BELOW_RPM, info.unit())
                      + " on "
                      + host.hostName()));
    }
  }
}
