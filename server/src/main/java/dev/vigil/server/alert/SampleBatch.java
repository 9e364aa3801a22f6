package dev.vigil.server.alert;

import java.util.Arrays;

/**
 * The values of one sample grouped by the detector that watches them, in sample order, so that
 * detectors judge in their configured order. Reused from sample to sample; not thread-safe.
 */
final class SampleBatch {
  private static final int INITIAL_CAPACITY = 16;

  private final SensorWatch[][] watches;
  private final double[][] values;
  private final int[] sizes;

  /** A batch for an engine of {@code detectorCount} detectors. */
  SampleBatch(int detectorCount) {
    watches = new SensorWatch[detectorCount][INITIAL_CAPACITY];
    values = new double[detectorCount][INITIAL_CAPACITY];
    sizes = new int[detectorCount];
  }

  /** Forgets every value, e.g. one left by a detector that threw. */
  void clear() {
    for (int d = 0; d < sizes.length; d++) {
      if (sizes[d] > 0) {
        Arrays.fill(watches[d], 0, sizes[d], null);
        sizes[d] = 0;
      }
    }
  }

  /** Queues {@code value} for {@code watch} of detector number {@code detector}. */
  void add(int detector, SensorWatch watch, double value) {
    int size = sizes[detector];
    if (size == watches[detector].length) {
      watches[detector] = Arrays.copyOf(watches[detector], size * 2);
      values[detector] = Arrays.copyOf(values[detector], size * 2);
    }
    watches[detector][size] = watch;
    values[detector][size] = value;
    sizes[detector] = size + 1;
  }

  /**
   * Judges, in order, every value queued for detector number {@code detector}, and forgets them.
   */
  void judge(int detector, AlertHost host, ObservationSink out) {
    int size = sizes[detector];
    sizes[detector] = 0;
    SensorWatch[] queued = watches[detector];
    double[] queuedValues = values[detector];
    for (int i = 0; i < size; i++) {
      SensorWatch watch = queued[i];
      queued[i] = null;
      watch.judge(host, queuedValues[i], out);
    }
  }
}
