package dev.vigil.server.relay;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Inventory;
import java.util.ArrayList;
import java.util.List;

/** Applies a hot-plug event to a host's inventory, so snapshots show devices as they are now. */
final class InventoryUpdate {
  private InventoryUpdate() {}

  /** The inventory after {@code event}; {@code current} may be null (none received yet). */
  static Inventory apply(Inventory current, DeviceEvent event) {
    List<Device> devices = new ArrayList<>();
    if (current != null) {
      for (Device d : current.devices()) {
        if (!sameDevice(d, event.device())) {
          devices.add(d);
        }
      }
    }
    if (event.kind() != EventKind.DEVICE_REMOVED) {
      devices.add(event.device());
    }
    return new Inventory(event.hostId(), event.timestampMs(), devices);
  }

  private static boolean sameDevice(Device a, Device b) {
    return a.kind() == b.kind() && a.id().equals(b.id());
  }
}
