package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.UsbDevice;

/** USB devices through OSHI: id {@code usb:<vid>:<pid>:<serial or unique device id>}. */
public final class UsbDeviceSource implements DeviceSource {
  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public UsbDeviceSource(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "usb";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (UsbDevice u : hardware.getUsbDevices(false)) {
      String vid = u.getVendorId().toLowerCase(Locale.ROOT);
      String pid = u.getProductId().toLowerCase(Locale.ROOT);
      String where =
          Attributes.firstNonBlank("unknown", u.getSerialNumber(), u.getUniqueDeviceId());
      out.add(
          new Device(
              "usb:" + vid + ":" + pid + ":" + where,
              DeviceKind.USB,
              Attributes.firstNonBlank(vid + ":" + pid, u.getName()),
              new Attributes()
                  .put("vendorId", vid)
                  .put("productId", pid)
                  .put("vendor", u.getVendor())
                  .put("serial", u.getSerialNumber())
                  .put("port", u.getUniqueDeviceId())
                  .build()));
    }
    return out;
  }
}
