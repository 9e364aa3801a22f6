package dev.vigil.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link LoadEngine} that redials with backoff saw: when each connection became ready, and
 * how many dials failed. Written by the engine thread, read by others; synchronized.
 */
public final class ReconnectLog {
  private final List<Long> readyNanos = new ArrayList<>();
  private long failedDials;
  private long drops;
  private long firstDropNanos;

  synchronized void onReady(long nanos) {
    readyNanos.add(nanos);
  }

  synchronized void onDrop(long nanos, boolean wasReady) {
    if (wasReady) {
      if (drops == 0) {
        firstDropNanos = nanos;
      }
      drops++;
    } else {
      failedDials++;
    }
  }

  /** Ready times at or after {@code fromNanos}, in order. */
  public synchronized long[] readyTimesFrom(long fromNanos) {
    return readyNanos.stream().mapToLong(Long::longValue).filter(t -> t >= fromNanos).toArray();
  }

  /** Dials that failed before the connection was ready (refused, reset, timed out). */
  public synchronized long failedDials() {
    return failedDials;
  }

  /** Ready connections that were lost. */
  public synchronized long drops() {
    return drops;
  }

  /** When the first ready connection was lost, {@link System#nanoTime()}; 0 before any. */
  public synchronized long firstDropNanos() {
    return firstDropNanos;
  }
}
