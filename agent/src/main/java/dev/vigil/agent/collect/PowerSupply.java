package dev.vigil.agent.collect;

/**
 * One power source: mains adapter, battery, UPS or USB supply.
 *
 * @param name platform name, e.g. {@code AC} or {@code BAT0}
 * @param type {@code Mains}, {@code Battery}, {@code UPS}, {@code USB} or {@code Unknown}
 * @param online for mains: whether it supplies power; null when not reported
 * @param present for batteries: whether one is inserted; null when not reported
 * @param chargePercent battery charge 0-100, or null when not reported
 * @param status e.g. {@code Charging}, {@code Discharging}, {@code Full}; null when not reported
 * @param powerWatts power drawn or supplied, or null when not reported
 * @param source where it was read
 */
public record PowerSupply(
    String name,
    String type,
    Boolean online,
    Boolean present,
    Double chargePercent,
    String status,
    Double powerWatts,
    String source) {

  /** Type name of a battery. */
  public static final String BATTERY = "Battery";

  /** Type name of a mains adapter. */
  public static final String MAINS = "Mains";

  /** True when this is a battery. */
  public boolean isBattery() {
    return BATTERY.equalsIgnoreCase(type);
  }
}
