package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Raises an alert when a fan that was seen spinning reads below {@link #STOPPED_BELOW_RPM}. Fans
 * never seen spinning (e.g. unconnected headers reading 0 rpm) never alert.
 */
public final class FanStoppedDetector implements SensorDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "fan-stopped";

  /** A fan reading below this speed counts as stopped. */
  public static final double STOPPED_BELOW_RPM = 100;

  /** How long the fan must read stopped. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(5);

  private final Set<AlertKey> seenSpinning = new HashSet<>();

  @Override
  public SensorWatch watch(AlertHost host, String sensorId, SensorInfo info) {
    if (info == null || info.kind() != SensorKind.FAN) {
      return null;
    }
    return new FanWatch(info, new AlertKey(RULE_ID, host.hostId(), info.id()));
  }

  /** One fan; remembers locally once it is known to have spun, so that costs no lookup. */
  private final class FanWatch implements SensorWatch {
    private final SensorInfo info;
    private final AlertKey key;
    private boolean spun;

    FanWatch(SensorInfo info, AlertKey key) {
      this.info = info;
      this.key = key;
      this.spun = seenSpinning.contains(key);
    }

    @Override
    public void judge(AlertHost host, double rpm, ObservationSink out) {
      if (rpm > 0 && !spun) {
        seenSpinning.add(key);
        spun = true;
      }
      if (!spun) {
        return;
      }
      boolean stopped = rpm < STOPPED_BELOW_RPM;
      if (!out.matters(key, stopped)) {
        return;
      }
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
