package dev.vigil.ui.host;

/**
 * The bounds and tick spacing of one chart axis, chosen from the data so that a chart is readable
 * from its first seconds: the x axis spans the seconds actually held, the y axis the values shown
 * with some padding, both on round tick units.
 *
 * @param lower the lowest value on the axis
 * @param upper the highest value on the axis
 * @param tickUnit the distance between two labelled ticks
 */
public record AxisRange(double lower, double upper, double tickUnit) {
  /** Tick spacings the time axis may use, in seconds, smallest first. */
  private static final double[] TIME_TICKS_SECONDS = {1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 300};

  /** Most labelled ticks on the time axis. */
  public static final int MAX_TIME_TICKS = 8;

  /** About how many labelled ticks the value axis gets. */
  public static final int VALUE_TICKS = 5;

  /** Padding above and below the values, as a share of their spread. */
  public static final double VALUE_PADDING_SHARE = 0.1;

  /** Round tick steps within one power of ten. */
  private static final double[] NICE_STEPS = {1, 2, 2.5, 5, 10};

  private static final double TEN = 10;

  /**
   * The time axis in seconds ago, from {@code -span} to 0. The span is rounded up to a whole number
   * of ticks (the chart labels ticks counted from its lower bound), choosing the tick unit that
   * wastes the least room with at most {@link #MAX_TIME_TICKS} ticks.
   *
   * @param spanSeconds how many seconds to show; must be positive
   */
  public static AxisRange secondsAgo(double spanSeconds) {
    if (!(spanSeconds > 0)) {
      throw new IllegalArgumentException("span must be positive: " + spanSeconds);
    }
    double largest = TIME_TICKS_SECONDS[TIME_TICKS_SECONDS.length - 1];
    double bestTick = largest;
    double bestSpan = Math.ceil(spanSeconds / largest) * largest;
    for (double tick : TIME_TICKS_SECONDS) {
      double ticks = Math.ceil(spanSeconds / tick);
      double span = ticks * tick;
      if (ticks <= MAX_TIME_TICKS && (span < bestSpan || (span == bestSpan && tick < bestTick))) {
        bestTick = tick;
        bestSpan = span;
      }
    }
    return new AxisRange(-bestSpan, 0, bestTick);
  }

  /**
   * A zoomed time axis from {@code lower} to {@code upper} (both in units ago, lower first), on
   * round ticks, at most {@link #MAX_TIME_TICKS} of them.
   */
  public static AxisRange timeBetween(double lower, double upper) {
    if (!(upper > lower)) {
      throw new IllegalArgumentException("empty time range: [" + lower + ", " + upper + "]");
    }
    double tick = niceStep((upper - lower) / (MAX_TIME_TICKS - 2));
    return new AxisRange(lower, upper, tick);
  }

  /**
   * A value axis around {@code [min, max]} with padding, at least {@code minSpan} wide, kept within
   * {@code [floor, ceiling]} (NaN for no limit), on round ticks.
   */
  public static AxisRange values(
      double min, double max, double minSpan, double floor, double ceiling) {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("no values to range: [" + min + ", " + max + "]");
    }
    double low = min;
    double high = max;
    if (high - low < minSpan) {
      double middle = (low + high) / 2;
      low = middle - minSpan / 2;
      high = middle + minSpan / 2;
    }
    double padding = (high - low) * VALUE_PADDING_SHARE;
    low = limit(low - padding, floor, ceiling);
    high = limit(high + padding, floor, ceiling);
    double tick = niceStep((high - low) / VALUE_TICKS);
    double lower = limit(Math.floor(low / tick) * tick, floor, ceiling);
    double upper = limit(Math.ceil(high / tick) * tick, floor, ceiling);
    return new AxisRange(lower, upper, tick);
  }

  /** How many decimals a tick label needs to tell the ticks apart. */
  public int decimals() {
    int decimals = 0;
    double scaled = tickUnit;
    while (Math.abs(scaled - Math.rint(scaled)) > 1e-9 && decimals < 6) {
      scaled *= TEN;
      decimals++;
    }
    return decimals;
  }

  /** The smallest round step (1, 2, 2.5 or 5 times a power of ten) at least {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(TEN, Math.floor(Math.log10(rough)));
    for (double step : NICE_STEPS) {
      if (step * power >= rough * (1 - 1e-9)) {
        return step * power;
      }
    }
    return TEN * power;
  }

  private static double limit(double value, double floor, double ceiling) {
    double v = Double.isNaN(floor) ? value : Math.max(floor, value);
    return Double.isNaN(ceiling) ? v : Math.min(ceiling, v);
  }
}
