package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import oshi.software.os.OperatingSystem;

/** Seconds since the host booted ({@code uptime}). */
public final class UptimeCollector implements Collector {
  /** Id of the uptime sensor. */
  public static final String UPTIME_ID = "uptime";

  private static final SensorInfo INFO =
      SensorInfo.present(UPTIME_ID, "uptime", SensorKind.UPTIME, SensorUnit.SECONDS, "oshi");

  private final OperatingSystem os;

  /**
   * @param os the shared OSHI operating system
   */
  public UptimeCollector(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public String name() {
    return "oshi.uptime";
  }

  @Override
  public void collect(Readings out) {
    long seconds = os.getSystemUptime();
    if (seconds > 0) {
      out.present(INFO, seconds);
    } else {
      out.absent(
          SensorInfo.absent(
              UPTIME_ID,
              "uptime",
              SensorKind.UPTIME,
              SensorUnit.SECONDS,
              "oshi",
              "uptime not reported"));
    }
  }
}
