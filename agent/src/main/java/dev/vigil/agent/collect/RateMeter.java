package dev.vigil.agent.collect;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns ever-growing counters (bytes read, bytes received) into rates per second. The first reading
 * of a key, a counter that went backwards (reset) or no elapsed time give NaN: no rate yet.
 */
public final class RateMeter {
  private static final double MS_PER_SECOND = 1000.0;

  private final Map<String, long[]> previous = new HashMap<>();

  /** The rate of {@code counter} per second since the previous call for {@code key}, or NaN. */
  public double perSecond(String key, long counter, long timestampMs) {
    long[] last = previous.get(key);
    if (last == null) {
      previous.put(key, new long[] {counter, timestampMs});
      return Double.NaN;
    }
    long dCounter = counter - last[0];
    long dMs = timestampMs - last[1];
    last[0] = counter;
    last[1] = timestampMs;
    if (dCounter < 0 || dMs <= 0) {
      return Double.NaN;
    }
    return dCounter * MS_PER_SECOND / dMs;
  }

  /** Forgets keys not in {@code live} (devices that went away). */
  public void retainOnly(Set<String> live) {
    previous.keySet().retainAll(live);
  }
}
