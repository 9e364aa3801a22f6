package dev.vigil.agent.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Linux power sources from {@code class/power_supply} of a sysfs root. */
public final class SysfsPowerSupplyReader implements PowerSupplyReader {
  private static final double MICRO = 1_000_000.0;
  private static final double PERCENT = 100.0;

  private final Path dir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   */
  public SysfsPowerSupplyReader(Path sysfsRoot) {
    this.dir = sysfsRoot.resolve("class/power_supply");
  }

  @Override
  public List<PowerSupply> read() {
    List<PowerSupply> out = new ArrayList<>();
    for (Path supply : SysfsFiles.list(dir)) {
      String type = SysfsFiles.text(supply.resolve("type")).orElse("Unknown");
      out.add(
          new PowerSupply(
              supply.getFileName().toString(),
              type,
              flag(supply.resolve("online")),
              flag(supply.resolve("present")),
              charge(supply),
              SysfsFiles.text(supply.resolve("status")).orElse(null),
              power(supply),
              supply.toString()));
    }
    return out;
  }

  private static Boolean flag(Path file) {
    OptionalLong v = SysfsFiles.number(file);
    return v.isPresent() ? v.getAsLong() != 0 : null;
  }

  /** {@code capacity} if reported, else energy_now/energy_full, else charge_now/charge_full. */
  private static Double charge(Path supply) {
    OptionalLong capacity = SysfsFiles.number(supply.resolve("capacity"));
    if (capacity.isPresent()) {
      return (double) capacity.getAsLong();
    }
    Double ratio = ratio(supply, "energy_now", "energy_full");
    return ratio != null ? ratio : ratio(supply, "charge_now", "charge_full");
  }

  private static Double ratio(Path supply, String now, String full) {
    OptionalLong n = SysfsFiles.number(supply.resolve(now));
    OptionalLong f = SysfsFiles.number(supply.resolve(full));
    if (n.isEmpty() || f.isEmpty() || f.getAsLong() <= 0) {
      return null;
    }
    return Math.min(PERCENT, PERCENT * n.getAsLong() / f.getAsLong());
  }

  private static Double power(Path supply) {
    OptionalLong p = SysfsFiles.number(supply.resolve("power_now"));
    return p.isPresent() ? p.getAsLong() / MICRO : null;
  }
}
