package dev.vigil.agent.collect;

import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PowerSource;

/**
 * Power sources through OSHI, for platforms without sysfs (Windows, macOS). OSHI reports batteries;
 * mains power shows as {@code online} on each battery.
 */
public final class OshiPowerSupplyReader implements PowerSupplyReader {
  private static final double PERCENT = 100.0;

  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiPowerSupplyReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public List<PowerSupply> read() {
    List<PowerSupply> out = new ArrayList<>();
    for (PowerSource p : hardware.getPowerSources()) {
      double fraction = p.getRemainingCapacityPercent();
      double watts = p.getPowerUsageRate();
      out.add(
          new PowerSupply(
              p.getName(),
              PowerSupply.BATTERY,
              p.isPowerOnLine(),
              true,
              fraction > 0 ? fraction * PERCENT : null,
              p.isCharging() ? "Charging" : p.isDischarging() ? "Discharging" : null,
              watts != 0 && Double.isFinite(watts) ? Math.abs(watts) / 1000.0 : null,
              "oshi"));
    }
    return out;
  }
}
