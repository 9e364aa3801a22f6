package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.SysfsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux USB devices read straight from {@code bus/usb/devices} of a sysfs root: every device entry
 * (root hubs included; interface entries such as {@code 1-2:1.0} skipped) with {@code idVendor},
 * {@code idProduct}, {@code product}, {@code manufacturer} and {@code serial}, the attributes OSHI
 * reads through a udev enumeration, and the device's resolved sysfs path as its port (OSHI's unique
 * device id), so device ids are the same as with OSHI at a fraction of the cost.
 */
public final class SysfsUsbReader implements UsbReader {
  private final Path devicesDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   */
  public SysfsUsbReader(Path sysfsRoot) {
    this.devicesDir = sysfsRoot.resolve("bus/usb/devices");
  }

  @Override
  public List<UsbDeviceInfo> devices() {
    List<UsbDeviceInfo> out = new ArrayList<>();
    for (Path entry : SysfsFiles.list(devicesDir)) {
      if (entry.getFileName().toString().contains(":")) {
        continue; // an interface of a device, not a device
      }
      Optional<String> vendorId = SysfsFiles.text(entry.resolve("idVendor"));
      Optional<String> productId = SysfsFiles.text(entry.resolve("idProduct"));
      if (vendorId.isEmpty() || productId.isEmpty()) {
        continue; // gone while reading, or not a USB device
      }
      out.add(
          new UsbDeviceInfo(
              vendorId.get(),
              productId.get(),
              SysfsFiles.text(entry.resolve("product")).orElse(null),
              SysfsFiles.text(entry.resolve("manufacturer")).orElse(null),
              SysfsFiles.text(entry.resolve("serial")).orElse(null),
              realPath(entry)));
    }
    return out;
  }

  private static String realPath(Path entry) {
    try {
      return entry.toRealPath().toString();
    } catch (IOException | SecurityException e) {
      return entry.toAbsolutePath().toString();
    }
  }
}
