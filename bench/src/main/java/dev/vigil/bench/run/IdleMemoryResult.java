package dev.vigil.bench.run;

import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * What idle agent connections cost the relay, read before any connected and after each step of
 * connections. The first step's cost per connection includes one-time JVM costs (JIT code, compiler
 * memory, heap grown in the first connect burst); the marginal cost, the least-squares slope over
 * the readings of every step, is what one more connection costs. A slope over several steps spreads
 * the JVM's stepwise heap growth over the whole range instead of charging it to whichever half it
 * happened to land in.
 *
 * @param connections idle agents asked for
 * @param before reading before any connected
 * @param steps readings after each step, in order; at least one
 */
public record IdleMemoryResult(int connections, MemoryReading before, List<MemoryReading> steps) {

  public IdleMemoryResult {
    Objects.requireNonNull(before, "before");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no reading after a step");
    }
  }

  /** A result of two steps, the first and the second half. */
  public IdleMemoryResult(
      int connections, MemoryReading before, MemoryReading half, MemoryReading full) {
    this(connections, before, List.of(half, full));
  }

  /** The reading after the first step. */
  public MemoryReading first() {
    return steps.get(0);
  }

  /** The reading with every step connected. */
  public MemoryReading last() {
    return steps.get(steps.size() - 1);
  }

  /** Resident memory per agent of the first step, one-time JVM costs included, in bytes. */
  public double firstStepRssBytesPerConnection() {
    return perConnection(before, first(), MemoryReading::rssBytes);
  }

  /** Live heap per agent of the first step, one-time costs included, in bytes. */
  public double firstStepLiveHeapBytesPerConnection() {
    return perConnection(before, first(), MemoryReading::liveHeapBytes);
  }

  /** Resident memory per further agent: slope over the step readings, in bytes. */
  public double marginalRssBytesPerConnection() {
    return slope(steps, MemoryReading::rssBytes);
  }

  /** Live heap per further agent: slope over the step readings, in bytes. */
  public double marginalLiveHeapBytesPerConnection() {
    return slope(steps, MemoryReading::liveHeapBytes);
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

  /**
   * Least-squares slope of {@code metric} against connected agents over {@code readings}; NaN when
   * they do not span more than one connection count.
   */
  static double slope(List<MemoryReading> readings, ToLongFunction<MemoryReading> metric) {
    double meanX = 0;
    double meanY = 0;
    for (MemoryReading r : readings) {
      meanX += r.connected();
      meanY += metric.applyAsLong(r);
    }
    meanX /= readings.size();
    meanY /= readings.size();
    double sxy = 0;
    double sxx = 0;
    for (MemoryReading r : readings) {
      double dx = r.connected() - meanX;
      sxy += dx * (metric.applyAsLong(r) - meanY);
      sxx += dx * dx;
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }
}
