package dev.vigil.server.alert;

/**
 * One detector's judgement of one sensor of one host, prepared once per host catalog by a {@link
 * SensorDetector} so that judging a value needs no lookups. Called only from the relay's core
 * thread.
 */
@FunctionalInterface
public interface SensorWatch {
  /**
   * Judges one value of the sensor, in the sensor's unit, and sends an observation to {@code out}
   * when {@link ObservationSink#matters} says it can change anything.
   */
  void judge(AlertHost host, double value, ObservationSink out);
}
