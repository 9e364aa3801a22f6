package dev.vigil.agent.collect;

/**
 * One source of sensor readings (OSHI, hwmon, a simulator...). Each call contributes the source's
 * sensors, present or absent, and the current value of every present one. Called from one thread at
 * a time; an implementation may keep state between calls (previous ticks, counters).
 */
public interface Collector {

  /** Short name for logs, e.g. {@code hwmon} or {@code oshi.cpu}. */
  String name();

  /**
   * Adds this source's sensors and current values to {@code out}. May throw a runtime exception on
   * a real failure; the caller then marks this source's sensors absent and keeps the others.
   */
  void collect(Readings out);
}
