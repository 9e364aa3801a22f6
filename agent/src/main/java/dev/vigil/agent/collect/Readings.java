package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What collectors contribute in one tick: every sensor (present or absent, in display order) and
 * the value of each present sensor that has one. Not thread-safe; one per tick.
 */
public final class Readings {
  private final Map<String, SensorInfo> sensors = new LinkedHashMap<>();
  private final Map<String, Double> values = new LinkedHashMap<>();

  /**
   * A present sensor and its value. A non-finite value (NaN, infinite) is not a reading: the sensor
   * is listed, without a value this tick.
   */
  public void present(SensorInfo info, double value) {
    if (add(info) && Double.isFinite(value)) {
      values.put(info.id(), value);
    }
  }

  /** A present sensor that has no value yet this tick (e.g. a rate before its second reading). */
  public void presentWithoutValue(SensorInfo info) {
    add(info);
  }

  /** A sensor the host lacks; {@code info.absentReason()} must say why. */
  public void absent(SensorInfo info) {
    if (info.absentReason() == null || info.absentReason().isBlank()) {
      throw new IllegalArgumentException("absent sensor " + info.id() + " needs a reason");
    }
    add(info);
  }

  /** Every sensor added so far, in order. */
  public List<SensorInfo> sensors() {
    return new ArrayList<>(sensors.values());
  }

  /** Sensor id to value, for present sensors with a value. */
  public Map<String, Double> values() {
    return values;
  }

  /** Number of sensors added so far. */
  public int size() {
    return sensors.size();
  }

  /** Sensors added from index {@code from} on, in order. */
  List<SensorInfo> sensorsSince(int from) {
    List<SensorInfo> all = sensors();
    return all.subList(from, all.size());
  }

  private boolean add(SensorInfo info) {
    return sensors.putIfAbsent(info.id(), info) == null;
  }
}
