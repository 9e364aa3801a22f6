package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import java.util.List;
import java.util.Map;

/**
 * Runs a costly collector only every {@code refreshIntervalMs} and repeats its last readings on the
 * ticks in between (sample and hold). Used for slowly changing or window-averaged readings (file
 * system usage, disk and network rates) whose OSHI refresh costs milliseconds per call.
 */
public final class HeldCollector implements Collector {
  private final Collector inner;
  private final long refreshIntervalMs;
  private List<SensorInfo> heldSensors;
  private Map<String, Double> heldValues;
  private long refreshedAtMs;

  /**
   * @param inner the collector to run
   * @param refreshIntervalMs how often to run it, in milliseconds
   */
  public HeldCollector(Collector inner, long refreshIntervalMs) {
    this.inner = inner;
    this.refreshIntervalMs = refreshIntervalMs;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void collect(Readings out) {
    long now = System.currentTimeMillis();
    if (heldSensors == null || now - refreshedAtMs >= refreshIntervalMs) {
      Readings fresh = new Readings();
      inner.collect(fresh);
      heldSensors = fresh.sensors();
      heldValues = Map.copyOf(fresh.values());
      refreshedAtMs = now;
    }
    for (SensorInfo s : heldSensors) {
      Double v = heldValues.get(s.id());
      if (v != null) {
        out.present(s, v);
      } else if (s.isPresent()) {
        out.presentWithoutValue(s);
      } else {
        out.absent(s);
      }
    }
  }
}
