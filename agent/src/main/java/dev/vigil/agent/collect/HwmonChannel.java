package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.nio.file.Path;

/**
 * One hwmon input channel, e.g. {@code in0} of chip {@code nct6775}.
 *
 * @param id stable sensor id, e.g. {@code hwmon.nct6775.in0}
 * @param rawLabel the channel's {@code *_label}, or the channel name when it has none
 * @param kind what it measures
 * @param unit the unit of converted values
 * @param inputFile the file holding the raw value
 * @param scale raw value divided by this gives the unit (1000 for milli-units)
 * @param lowLimit hardware lower limit in the unit ({@code *_min}, else {@code *_lcrit}), or null
 * @param highLimit hardware upper limit in the unit ({@code *_max}, else {@code *_crit}), or null
 * @param source the chip's directory, e.g. {@code /sys/class/hwmon/hwmon2}
 */
public record HwmonChannel(
    String id,
    String rawLabel,
    SensorKind kind,
    SensorUnit unit,
    Path inputFile,
    double scale,
    Double lowLimit,
    Double highLimit,
    String source) {

  /** This channel as a present sensor, limits included. */
  public SensorInfo presentInfo() {
    return new SensorInfo(id, rawLabel, kind, unit, source, null, lowLimit, highLimit);
  }

  /** This channel as an absent sensor, with the reason. */
  public SensorInfo absentInfo(String reason) {
    return new SensorInfo(id, rawLabel, kind, unit, source, reason, lowLimit, highLimit);
  }
}
