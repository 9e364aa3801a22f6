package dev.vigil.agent.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Disks through OSHI, for platforms without sysfs. Each call enumerates the disks afresh (on Linux
 * OSHI walks udev for every call, which is why Linux uses {@link SysfsDiskReader}).
 */
public final class OshiDiskReader implements DiskReader {
  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiDiskReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public List<Disk> disks() {
    List<Disk> out = new ArrayList<>();
    for (HWDiskStore d : hardware.getDiskStores()) {
      out.add(
          new Disk(
              d.getName().replaceFirst("^/dev/", ""),
              d.getModel(),
              d.getSerial(),
              d.getSize(),
              d.getReadBytes(),
              d.getWriteBytes(),
              d.getTimeStamp()));
    }
    out.sort(Comparator.comparing(Disk::name));
    return out;
  }
}
