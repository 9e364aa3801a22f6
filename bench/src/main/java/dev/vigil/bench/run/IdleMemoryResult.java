package dev.vigil.bench.run;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * What idle agent connections cost the relay, read at three points: before any connected, with the
 * first half connected and with all connected. The first half's cost per connection includes
 * one-time JVM costs (JIT code, compiler memory, heap grown in the first connect burst); the
 * marginal cost of the second half is what one more connection costs.
 *
 * @param connections idle agents asked for
 * @param before reading before any connected
 * @param half reading with the first half asked for connected
 * @param full reading with all asked for connected
 */
public record IdleMemoryResult(
    int connections, MemoryReading before, MemoryReading half, MemoryReading full) {

  public IdleMemoryResult {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(half, "half");
    Objects.requireNonNull(full, "full");
  }

  /** Resident memory per agent of the first half, one-time JVM costs included, in bytes. */
  public double firstHalfRssBytesPerConnection() {
    return perConnection(before, half, MemoryReading::rssBytes);
  }

  /** Live heap per agent of the first half, one-time costs included, in bytes. */
  public double firstHalfLiveHeapBytesPerConnection() {
    return perConnection(before, half, MemoryReading::liveHeapBytes);
  }

  /** Resident memory per agent of the second half, in bytes. */
  public double marginalRssBytesPerConnection() {
    return perConnection(half, full, MemoryReading::rssBytes);
  }

  /** Live heap per agent of the second half, in bytes. */
  public double marginalLiveHeapBytesPerConnection() {
    return perConnection(half, full, MemoryReading::liveHeapBytes);
  }

  /**
   * Growth of {@code metric} from {@code from} to {@code to} divided by the agents connected in
   * between; NaN when none were.
   */
  static double perConnection(
      MemoryReading from, MemoryReading to, ToLongFunction<MemoryReading> metric) {
    int added = to.connected() - from.connected();
    return added <= 0
        ? Double.NaN
        : (double) (metric.applyAsLong(to) - metric.applyAsLong(from)) / added;
  }
}
