package dev.vigil.server.alert;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.List;

/**
 * Raises an alert, at once, when a device is removed; it resolves when the device comes back (an
 * add event, or an inventory that lists it). Disks, network interfaces and power sources are
 * warnings; other devices are informational.
 */
public final class DeviceRemovedDetector implements AlertDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "device-removed";

  @Override
  public void onEvent(AlertHost host, DeviceEvent event, List<Observation> out) {
    if (event.kind() == EventKind.DEVICE_REMOVED) {
      out.add(observe(host, event.device(), true));
    } else if (event.kind() == EventKind.DEVICE_ADDED) {
      out.add(observe(host, event.device(), false));
    }
  }

  @Override
  public void onInventory(AlertHost host, Inventory inventory, List<Observation> out) {
    for (Device device : inventory.devices()) {
      out.add(observe(host, device, false));
    }
  }

  private static Observation observe(AlertHost host, Device device, boolean removed) {
    return new Observation(
        new AlertKey(RULE_ID, host.hostId(), device.kind() + ":" + device.id()),
        RULE_ID,
        host.hostId(),
        host.hostName(),
        null,
        severityOf(device.kind()),
        Duration.ZERO,
        removed,
        !removed,
        null,
        null,
        () ->
            kindName(device.kind())
                + " removed from "
                + host.hostName()
                + ": "
                + device.name()
                + " ("
                + device.id()
                + ")");
  }

  private static Severity severityOf(DeviceKind kind) {
    return switch (kind) {
      case DISK, NETWORK, POWER_SOURCE -> Severity.WARNING;
      case USB, DISPLAY, LED -> Severity.INFO;
    };
  }

  /** How a device of {@code kind} is named in alert messages, e.g. {@code USB device}. */
  static String kindName(DeviceKind kind) {
    return switch (kind) {
      case USB -> "USB device";
      case DISK -> "Disk";
      case NETWORK -> "Network interface";
      case POWER_SOURCE -> "Power source";
      case DISPLAY -> "Display";
      case LED -> "LED";
    };
  }
}
