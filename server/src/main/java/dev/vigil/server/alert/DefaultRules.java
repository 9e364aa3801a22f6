package dev.vigil.server.alert;

import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.List;

/** The built-in alert rules and the detector set a relay runs. */
public final class DefaultRules {
  /** CPU package at or above 85 °C for 10 s; clears below 80 °C. */
  public static final AlertRule CPU_HOT =
      new AlertRule(
          "cpu-hot",
          "CPU package temperature ≥ 85 °C for 10 s",
          "*",
          "cpu.package.temperature",
          SensorKind.TEMPERATURE,
          Comparison.ABOVE,
          85,
          80,
          Duration.ofSeconds(10),
          Severity.CRITICAL);

  /** A file system at or above 90 % used for 30 s; clears below 85 %. */
  public static final AlertRule DISK_NEARLY_FULL =
      new AlertRule(
          "disk-nearly-full",
          "File system ≥ 90 % used for 30 s",
          "*",
          "fs.*.used.percent",
          null,
          Comparison.ABOVE,
          90,
          85,
          Duration.ofSeconds(30),
          Severity.WARNING);

  private DefaultRules() {}

  /** The default threshold rules. */
  public static List<AlertRule> thresholdRules() {
    return List.of(CPU_HOT, DISK_NEARLY_FULL);
  }
}
