package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** USB devices: id {@code usb:<vid>:<pid>:<serial or port>}. */
public final class UsbDeviceSource implements DeviceSource {
  private final UsbReader reader;

  /**
   * @param reader reads the attached USB devices
   */
  public UsbDeviceSource(UsbReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "usb";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (UsbDeviceInfo u : reader.devices()) {
      String vid = lower(u.vendorId());
      String pid = lower(u.productId());
      String where = Attributes.firstNonBlank("unknown", u.serial(), u.port());
      out.add(
          new Device(
              "usb:" + vid + ":" + pid + ":" + where,
              DeviceKind.USB,
              Attributes.firstNonBlank(vid + ":" + pid, u.name()),
              new Attributes()
                  .put("vendorId", vid)
                  .put("productId", pid)
                  .put("vendor", u.vendor())
                  .put("serial", u.serial())
                  .put("port", u.port())
                  .build()));
    }
    return out;
  }

  private static String lower(String hex) {
    return hex == null ? "" : hex.toLowerCase(Locale.ROOT);
  }
}
