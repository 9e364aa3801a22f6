package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import oshi.hardware.Sensors;

/**
 * CPU package temperature ({@code cpu.package.temperature}), CPU voltage ({@code cpu.voltage}) and
 * fan speeds ({@code fan.N}) through OSHI. OSHI reports 0 or NaN when it has no value; that becomes
 * an absent sensor with the reason, never a zero.
 */
public final class OshiThermalCollector implements Collector {
  /** Id of the CPU package temperature. */
  public static final String CPU_TEMPERATURE_ID = "cpu.package.temperature";

  /** Id of the CPU core voltage. */
  public static final String CPU_VOLTAGE_ID = "cpu.voltage";

  private static final String SOURCE = "oshi";

  private final Sensors sensors;
  private final AbsenceReasons reasons;

  /**
   * @param sensors OSHI's sensors of the shared hardware layer
   * @param reasons explains missing readings
   */
  public OshiThermalCollector(Sensors sensors, AbsenceReasons reasons) {
    this.sensors = sensors;
    this.reasons = reasons;
  }

  @Override
  public String name() {
    return "oshi.thermal";
  }

  @Override
  public void collect(Readings out) {
    double celsius = sensors.getCpuTemperature();
    if (hasValue(celsius)) {
      out.present(
          SensorInfo.present(
              CPU_TEMPERATURE_ID,
              "CPU package",
              SensorKind.TEMPERATURE,
              SensorUnit.CELSIUS,
              SOURCE),
          celsius);
    } else {
      out.absent(
          SensorInfo.absent(
              CPU_TEMPERATURE_ID,
              "CPU package",
              SensorKind.TEMPERATURE,
              SensorUnit.CELSIUS,
              SOURCE,
              reasons.noCpuTemperature()));
    }
    double volts = sensors.getCpuVoltage();
    SensorInfo voltage =
        SensorInfo.present(
            CPU_VOLTAGE_ID, "CPU voltage", SensorKind.VOLTAGE, SensorUnit.VOLTS, SOURCE);
    if (hasValue(volts)) {
      out.present(voltage, volts);
    } else {
      out.absent(withReason(voltage, reasons.noCpuVoltage()));
    }
    int[] fans = sensors.getFanSpeeds();
    if (fans == null || fans.length == 0) {
      out.absent(
          SensorInfo.absent(
              "fan.1", "fan 1", SensorKind.FAN, SensorUnit.RPM, SOURCE, reasons.noFans()));
      return;
    }
    for (int i = 0; i < fans.length; i++) {
      SensorInfo fan =
          SensorInfo.present(
              "fan." + (i + 1), "fan " + (i + 1), SensorKind.FAN, SensorUnit.RPM, SOURCE);
      if (fans[i] > 0) {
        out.present(fan, fans[i]);
      } else {
        out.absent(
            withReason(
                fan,
                "OSHI reports 0 rpm: no reading or fan stopped (hwmon fan channels give the raw value)"));
      }
    }
  }

  private static boolean hasValue(double v) {
    return Double.isFinite(v) && v > 0;
  }

  private static SensorInfo withReason(SensorInfo info, String reason) {
    return SensorInfo.absent(
        info.id(), info.rawLabel(), info.kind(), info.unit(), info.source(), reason);
  }
}
