package dev.vigil.ui.host;

import java.util.Arrays;

/**
 * Thins a chart line to a bounded number of points while keeping its shape: the points are cut into
 * equal buckets and each bucket keeps its lowest and highest point, in time order, so spikes and
 * dips stay visible; the newest point is always kept. Stateless.
 */
public final class Downsampler {
  private Downsampler() {}

  /**
   * The line with at most {@code maxPoints} points; the line itself when it is short enough.
   *
   * @param maxPoints at least 3
   */
  public static ChartLine minMax(ChartLine line, int maxPoints) {
    if (maxPoints < 3) {
      throw new IllegalArgumentException("maxPoints must be at least 3: " + maxPoints);
    }
    double[] xs = line.secondsAgo();
    double[] ys = line.values();
    int n = ys.length;
    if (n <= maxPoints) {
      return line;
    }
    int buckets = (maxPoints - 1) / 2;
    int bucketed = n - 1;
    double[] outX = new double[buckets * 2 + 1];
    double[] outY = new double[buckets * 2 + 1];
    int out = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * bucketed / buckets);
      int to = (int) ((long) (b + 1) * bucketed / buckets);
      int lowest = from;
      int highest = from;
      for (int i = from + 1; i < to; i++) {
        if (ys[i] < ys[lowest]) {
          lowest = i;
        }
        if (ys[i] > ys[highest]) {
          highest = i;
        }
      }
      int first = Math.min(lowest, highest);
      int second = Math.max(lowest, highest);
      outX[out] = xs[first];
      outY[out++] = ys[first];
      if (second != first) {
        outX[out] = xs[second];
        outY[out++] = ys[second];
      }
    }
    outX[out] = xs[n - 1];
    outY[out++] = ys[n - 1];
    return new ChartLine(
        line.sensorId(), line.label(), Arrays.copyOf(outX, out), Arrays.copyOf(outY, out));
  }
}
