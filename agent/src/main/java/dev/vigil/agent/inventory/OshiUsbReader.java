package dev.vigil.agent.inventory;

import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.UsbDevice;

/** USB devices through OSHI, for platforms without sysfs (a full enumeration per call). */
public final class OshiUsbReader implements UsbReader {
  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiUsbReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public List<UsbDeviceInfo> devices() {
    List<UsbDeviceInfo> out = new ArrayList<>();
    for (UsbDevice u : hardware.getUsbDevices(false)) {
      out.add(
          new UsbDeviceInfo(
              u.getVendorId(),
              u.getProductId(),
              u.getName(),
              u.getVendor(),
              u.getSerialNumber(),
              u.getUniqueDeviceId()));
    }
    return out;
  }
}
