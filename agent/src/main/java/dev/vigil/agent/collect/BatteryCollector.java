package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.List;

/**
 * Battery charge ({@code battery.<name>.charge}, percent) and power ({@code battery.<name>.power},
 * watts) of every battery. Whether mains power is on is a device attribute of the inventory ({@code
 * power:AC}, {@code online}), not a sensor. A host without battery lists {@code battery.charge}
 * absent.
 */
public final class BatteryCollector implements Collector {
  /** Id of the placeholder sensor listed when the host has no battery. */
  public static final String NO_BATTERY_ID = "battery.charge";

  private final PowerSupplyReader reader;

  /**
   * @param reader reads the power sources
   */
  public BatteryCollector(PowerSupplyReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "battery";
  }

  @Override
  public void collect(Readings out) {
    List<PowerSupply> supplies = reader.read();
    boolean anyBattery = false;
    for (PowerSupply s : supplies) {
      if (!s.isBattery()) {
        continue;
      }
      anyBattery = true;
      String base = "battery." + SensorIds.segment(s.name());
      String chargeId = base + ".charge";
      String label = s.name() + " charge";
      if (Boolean.FALSE.equals(s.present())) {
        out.absent(absent(chargeId, label, s.source(), "battery slot empty"));
      } else if (s.chargePercent() == null) {
        out.absent(absent(chargeId, label, s.source(), "battery reports no charge level"));
      } else {
        out.present(
            SensorInfo.present(chargeId, label, SensorKind.BATTERY, SensorUnit.PERCENT, s.source()),
            s.chargePercent());
      }
      if (s.powerWatts() != null) {
        out.present(
            SensorInfo.present(
                base + ".power",
                s.name() + " power",
                SensorKind.POWER,
                SensorUnit.WATTS,
                s.source()),
            s.powerWatts());
      }
    }
    if (!anyBattery) {
      String reason =
          supplies.isEmpty()
              ? "no power sources reported"
              : "no battery (only mains or other supplies reported)";
      out.absent(absent(NO_BATTERY_ID, "battery", "power_supply", reason));
    }
  }

  private static SensorInfo absent(String id, String label, String source, String reason) {
    return SensorInfo.absent(id, label, SensorKind.BATTERY, SensorUnit.PERCENT, source, reason);
  }
}
