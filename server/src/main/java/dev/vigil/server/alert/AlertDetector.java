package dev.vigil.server.alert;

import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Sample;
import java.util.List;

/**
 * One kind of alert condition. A detector turns what a host reports into {@link Observation}s; the
 * {@link AlertBook} owns the lifecycle. Called only from the relay's core thread.
 */
public interface AlertDetector {
  /** Judges a new sample; not called on a {@link SensorDetector}, which gets values one by one. */
  default void onSample(AlertHost host, Sample sample, List<Observation> out) {}

  /** Judges a hot-plug event. */
  default void onEvent(AlertHost host, DeviceEvent event, List<Observation> out) {}

  /** Judges a full inventory. */
  default void onInventory(AlertHost host, Inventory inventory, List<Observation> out) {}

  /** Judges a change of the host's liveness. */
  default void onHostState(AlertHost host, List<Observation> out) {}
}
