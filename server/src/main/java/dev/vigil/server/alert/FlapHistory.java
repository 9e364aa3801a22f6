package dev.vigil.server.alert;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Counts, per alert key, the raises and resolutions within the last {@link #FLAP_WINDOW}; a key
 * with more than {@link #FLAP_MAX_TRANSITIONS} of them is flapping. Not thread-safe (core thread).
 */
final class FlapHistory {
  /** Raises and resolutions within {@link #FLAP_WINDOW} beyond which an alert is flapping. */
  public static final int FLAP_MAX_TRANSITIONS = 5;

  /**
   * The window transitions are counted in, and how long a flapping alert must stay stable (no
   * would-be transition) before it is released.
   */
  public static final Duration FLAP_WINDOW = Duration.ofMinutes(10);

  private final Map<AlertKey, ArrayDeque<Long>> byKey = new HashMap<>();
  private final long windowMs;
  private final int maxTransitions;

  FlapHistory() {
    this(FLAP_WINDOW, FLAP_MAX_TRANSITIONS);
  }

  FlapHistory(Duration window, int maxTransitions) {
    this.windowMs = window.toMillis();
    this.maxTransitions = maxTransitions;
  }

  /** The window in milliseconds. */
  long windowMs() {
    return windowMs;
  }

  /** Records a raise or resolution of {@code key} at {@code nowMs}; true when it now flaps. */
  boolean note(AlertKey key, long nowMs) {
    ArrayDeque<Long> times = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    times.addLast(nowMs);
    trim(times, nowMs);
    return times.size() > maxTransitions;
  }

  /** Forgets keys with no transition within the window. */
  void forgetOld(long nowMs) {
    Iterator<ArrayDeque<Long>> it = byKey.values().iterator();
    while (it.hasNext()) {
      ArrayDeque<Long> times = it.next();
      trim(times, nowMs);
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }

  /** Each key's transition times within the window at {@code nowMs}, oldest first. */
  Map<AlertKey, List<Long>> times(long nowMs) {
    forgetOld(nowMs);
    Map<AlertKey, List<Long>> out = new HashMap<>();
    byKey.forEach((key, times) -> out.put(key, List.copyOf(times)));
    return out;
  }

  /** Takes back transition times kept by {@link #times}; those out of the window are dropped. */
  void restore(Map<AlertKey, List<Long>> kept, long nowMs) {
    kept.forEach(
        (key, times) -> {
          ArrayDeque<Long> deque = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
          times.stream().sorted().forEach(deque::addLast);
          trim(deque, nowMs);
          if (deque.isEmpty()) {
            byKey.remove(key);
          }
        });
  }

  private void trim(ArrayDeque<Long> times, long nowMs) {
    while (!times.isEmpty() && times.peekFirst() <= nowMs - windowMs) {
      times.removeFirst();
    }
  }
}
