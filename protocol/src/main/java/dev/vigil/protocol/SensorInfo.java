package dev.vigil.protocol;

/**
 * Describes one sensor of a host. A sensor the host lacks is still listed, with {@code
 * absentReason} set, so that "not there" is never confused with zero.
 *
 * @param id stable normalised id, e.g. {@code cpu.package.temperature} or {@code hwmon.nct6775.in0}
 * @param rawLabel the label as the platform reports it, e.g. {@code Vcore} or {@code temp3}
 * @param kind what is measured
 * @param unit the unit of every value of this sensor
 * @param source where it was read, e.g. {@code oshi} or {@code /sys/class/hwmon/hwmon2}
 * @param absentReason why the host has no value for it; {@code null} when the sensor is present
 * @param lowLimit lower bound the hardware reports (e.g. hwmon {@code in0_min}); {@code null} if
 *     none
 * @param highLimit upper bound the hardware reports (e.g. {@code in0_max}, {@code temp1_crit});
 *     {@code null} if none
 */
public record SensorInfo(
    String id,
    String rawLabel,
    SensorKind kind,
    SensorUnit unit,
    String source,
    @OptionalField String absentReason,
    @OptionalField Double lowLimit,
    @OptionalField Double highLimit) {

  /** A present sensor without hardware limits. */
  public static SensorInfo present(
      String id, String rawLabel, SensorKind kind, SensorUnit unit, String source) {
    return new SensorInfo(id, rawLabel, kind, unit, source, null, null, null);
  }

  /** A sensor this host does not have, with the reason. */
  public static SensorInfo absent(
      String id, String rawLabel, SensorKind kind, SensorUnit unit, String source, String reason) {
    return new SensorInfo(id, rawLabel, kind, unit, source, reason, null, null);
  }

  /** True when the host has this sensor. */
  public boolean isPresent() {
    return absentReason == null;
  }
}
