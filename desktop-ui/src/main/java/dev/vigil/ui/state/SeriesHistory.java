package dev.vigil.ui.state;

/**
 * The recent values of one sensor, oldest first, in a fixed-size ring: once full, each new point
 * pushes out the oldest. Points must arrive in time order; an older or same-time point (a replay)
 * is ignored. Not thread-safe.
 */
public final class SeriesHistory {
  private final long[] timesMs;
  private final double[] values;
  private int start;
  private int size;

  /**
   * @param capacity how many points to keep
   */
  public SeriesHistory(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    timesMs = new long[capacity];
    values = new double[capacity];
  }

  /**
   * Appends a point if it is newer than the last one.
   *
   * @return true if the point was kept
   */
  public boolean add(long timeMs, double value) {
    if (size > 0 && timeMs <= timeAt(size - 1)) {
      return false;
    }
    int slot = (start + size) % timesMs.length;
    timesMs[slot] = timeMs;
    values[slot] = value;
    if (size < timesMs.length) {
      size++;
    } else {
      start = (start + 1) % timesMs.length;
    }
    return true;
  }

  /** How many points are kept. */
  public int size() {
    return size;
  }

  /** How many points fit. */
  public int capacity() {
    return timesMs.length;
  }

  /** The time of point {@code index} (0 = oldest), epoch milliseconds. */
  public long timeAt(int index) {
    return timesMs[slot(index)];
  }

  /** The value of point {@code index} (0 = oldest). */
  public double valueAt(int index) {
    return values[slot(index)];
  }

  private int slot(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    return (start + index) % timesMs.length;
  }
}
