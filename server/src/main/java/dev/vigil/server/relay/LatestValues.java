package dev.vigil.server.relay;

import dev.vigil.protocol.Sample;
import dev.vigil.server.history.SampleRow;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A host's latest sample, kept as values in place rather than as the sample object. A sample lives
 * for a second, until its host's next one, which is longer than the young generation lasts at
 * 10,000 hosts: kept whole, every sample would be copied and promoted by the collector and die in
 * the old generation. Here a sample with the same sensors as the one before allocates nothing that
 * survives it. Owned by the core thread; not thread-safe.
 */
final class LatestValues {
  /**
   * Distinct sensor ids remembered per host; past this (an agent whose ids keep changing) the slots
   * are rebuilt from the current sample alone.
   */
  static final int MAX_SENSOR_SLOTS = 4096;

  private static final int INITIAL_SLOTS = 32;

  private final Map<String, Integer> slotOf = new HashMap<>();
  private String[] ids = new String[INITIAL_SLOTS];
  private double[] values = new double[INITIAL_SLOTS];
  private long[] writtenAt = new long[INITIAL_SLOTS];
  private long generation;
  private long timestampMs;

  /** Replaces the latest values with {@code sample}'s. */
  void update(Sample sample) {
    update(sample, false);
  }

  /**
   * Replaces the latest values with {@code sample}'s; when {@code wantRow}, also returns them as a
   * history row whose ids are this host's long-lived copies (null otherwise).
   */
  SampleRow update(Sample sample, boolean wantRow) {
    Map<String, Double> incoming = sample.values();
    if (slotOf.size() + incoming.size() > MAX_SENSOR_SLOTS && hasNewIds(incoming)) {
      clearSlots();
    }
    generation++;
    timestampMs = sample.timestampMs();
    String[] rowIds = wantRow ? new String[incoming.size()] : null;
    double[] rowValues = wantRow ? new double[incoming.size()] : null;
    int i = 0;
    for (Map.Entry<String, Double> e : incoming.entrySet()) {
      int slot = slotFor(e.getKey());
      double v = e.getValue();
      values[slot] = v;
      writtenAt[slot] = generation;
      if (wantRow) {
        rowIds[i] = ids[slot];
        rowValues[i++] = v;
      }
    }
    return wantRow ? new SampleRow(sample.hostId(), timestampMs, rowIds, rowValues) : null;
  }

  /** The latest sample of {@code hostId}, or null before the first one. */
  Sample toSample(String hostId) {
    if (generation == 0) {
      return null;
    }
    Map<String, Double> latest = new HashMap<>();
    for (int slot = 0; slot < slotOf.size(); slot++) {
      if (writtenAt[slot] == generation) {
        latest.put(ids[slot], values[slot]);
      }
    }
    return new Sample(hostId, timestampMs, latest);
  }

  /** Sensor ids currently remembered. */
  int slotCount() {
    return slotOf.size();
  }

  private int slotFor(String sensorId) {
    Integer slot = slotOf.get(sensorId);
    if (slot != null) {
      return slot;
    }
    int next = slotOf.size();
    if (next == ids.length) {
      int grown = ids.length * 2;
      ids = Arrays.copyOf(ids, grown);
      values = Arrays.copyOf(values, grown);
      writtenAt = Arrays.copyOf(writtenAt, grown);
    }
    ids[next] = sensorId;
    slotOf.put(sensorId, next);
    return next;
  }

  private boolean hasNewIds(Map<String, Double> incoming) {
    for (String id : incoming.keySet()) {
      if (!slotOf.containsKey(id)) {
        return true;
      }
    }
    return false;
  }

  private void clearSlots() {
    slotOf.clear();
    Arrays.fill(ids, null);
    Arrays.fill(writtenAt, 0);
  }
}
