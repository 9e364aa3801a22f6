package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.Disk;
import dev.vigil.agent.collect.DiskReader;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;

/** Disks: id {@code disk:<serial or name>}, with model, serial and size. */
public final class DiskDeviceSource implements DeviceSource {
  private final DiskReader reader;

  /**
   * @param reader reads the disks
   */
  public DiskDeviceSource(DiskReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (Disk d : reader.disks()) {
      out.add(
          new Device(
              "disk:" + Attributes.firstNonBlank(d.name(), d.serial()),
              DeviceKind.DISK,
              Attributes.firstNonBlank(d.name(), d.model()),
              new Attributes()
                  .put("name", d.name())
                  .put("model", d.model())
                  .put("serial", d.serial())
                  .put("sizeBytes", d.sizeBytes() > 0 ? d.sizeBytes() : null)
                  .build()));
    }
    return out;
  }
}
