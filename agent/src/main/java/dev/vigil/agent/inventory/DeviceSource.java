package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import java.util.List;

/** One source of devices for the inventory (USB, disks, network, ...). */
public interface DeviceSource {

  /** Short name for logs, e.g. {@code usb}. */
  String name();

  /** The devices present now. May throw a runtime exception on a real failure. */
  List<Device> devices();
}
