package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every collector once per tick and tells whether the sensor set changed since the previous
 * tick. A collector that throws does not stop the others: its sensors of the last good tick are
 * listed absent with the error as reason. Each collector is timed. One thread at a time.
 */
public final class SensorSampler {
  /** A collector slower than this is logged as a warning, in milliseconds. */
  public static final long SLOW_COLLECTOR_MS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(SensorSampler.class);

  /**
   * One tick's result.
   *
   * @param sensors every sensor, present or absent
   * @param values values of present sensors
   * @param catalogChanged true when {@code sensors} differs from the previous tick's (and on the
   *     first tick)
   */
  public record Tick(
      List<SensorInfo> sensors, Map<String, Double> values, boolean catalogChanged) {}

  private final List<Collector> collectors;
  private final Map<String, List<SensorInfo>> lastGood = new HashMap<>();
  private final Map<String, Boolean> failing = new HashMap<>();
  private List<SensorInfo> previous;

  /**
   * @param collectors the sources, in display order
   */
  public SensorSampler(List<Collector> collectors) {
    this.collectors = List.copyOf(collectors);
  }

  /** Reads every collector once. */
  public Tick sample() {
    Readings readings = new Readings();
    for (Collector c : collectors) {
      int before = readings.size();
      long start = System.nanoTime();
      try {
        c.collect(readings);
        lastGood.put(c.name(), List.copyOf(readings.sensorsSince(before)));
        if (failing.remove(c.name()) != null) {
          LOG.info("collector {} works again", c.name());
        }
      } catch (RuntimeException | LinkageError e) {
        markFailed(c, e, readings);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (ms > SLOW_COLLECTOR_MS) {
        LOG.warn("collector {} took {} ms", c.name(), ms);
      } else {
        LOG.trace("collector {} took {} ms", c.name(), ms);
      }
    }
    List<SensorInfo> sensors = readings.sensors();
    boolean changed = !sensors.equals(previous);
    previous = sensors;
    return new Tick(sensors, Map.copyOf(readings.values()), changed);
  }

  private void markFailed(Collector c, Throwable e, Readings readings) {
    String reason =
        "read failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (failing.put(c.name(), Boolean.TRUE) == null) {
      LOG.warn("collector {} failed; its sensors are absent until it recovers", c.name(), e);
    } else {
      LOG.debug("collector {} still failing: {}", c.name(), reason);
    }
    for (SensorInfo s : lastGood.getOrDefault(c.name(), List.of())) {
      readings.absent(
          new SensorInfo(
              s.id(),
              s.rawLabel(),
              s.kind(),
              s.unit(),
              s.source(),
              reason,
              s.lowLimit(),
              s.highLimit()));
    }
  }
}
