package dev.vigil.server.history;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.DeviceEvent;

/**
 * Where the relay core hands what history records. Every method returns at once without blocking:
 * an implementation only enqueues (and drops, counting, when it cannot).
 */
public interface HistorySink {
  /** Records nothing: history disabled. */
  HistorySink NONE =
      new HistorySink() {
        @Override
        public boolean records() {
          return false;
        }

        @Override
        public void sample(SampleRow sample) {}

        @Override
        public void event(DeviceEvent event) {}

        @Override
        public void alertChanged(Alert alert, long atMs) {}
      };

  /** False when nothing is recorded, so the caller need not build rows. */
  default boolean records() {
    return true;
  }

  /** A sample the relay accepted. */
  void sample(SampleRow sample);

  /** A device event the relay accepted. */
  void event(DeviceEvent event);

  /** An alert as the relay broadcast it after a transition or acknowledgement, at {@code atMs}. */
  void alertChanged(Alert alert, long atMs);
}
