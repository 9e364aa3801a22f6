package dev.vigil.ui.state;

/** The smallest and largest value seen for one sensor. Not thread-safe. */
public final class ValueRange {
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Takes a value into account; NaN is ignored. */
  public void include(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  /** True once a value was seen. */
  public boolean isEmpty() {
    return min > max;
  }

  /** The smallest value seen; only meaningful when not {@link #isEmpty()}. */
  public double min() {
    return min;
  }

  /** The largest value seen; only meaningful when not {@link #isEmpty()}. */
  public double max() {
    return max;
  }
}
