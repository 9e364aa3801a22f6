package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/** Disks through OSHI: id {@code disk:<serial or name>}, with model, serial and size. */
public final class DiskDeviceSource implements DeviceSource {
  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public DiskDeviceSource(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (HWDiskStore d : hardware.getDiskStores()) {
      String name = d.getName().replaceFirst("^/dev/", "");
      out.add(
          new Device(
              "disk:" + Attributes.firstNonBlank(name, d.getSerial()),
              DeviceKind.DISK,
              Attributes.firstNonBlank(name, d.getModel()),
              new Attributes()
                  .put("name", name)
                  .put("model", d.getModel())
                  .put("serial", d.getSerial())
                  .put("sizeBytes", d.getSize() > 0 ? d.getSize() : null)
                  .build()));
    }
    return out;
  }
}
