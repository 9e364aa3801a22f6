package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Disk throughput in bytes per second per disk: {@code disk.<name>.read} and {@code
 * disk.<name>.write} (e.g. {@code disk.sda.read}). The disk list is refreshed every {@link
 * #RESCAN_INTERVAL_MS}; between rescans only the counters are updated.
 */
public final class OshiDiskIoCollector implements Collector {
  /** How often the list of disks is rebuilt, in milliseconds. */
  public static final long RESCAN_INTERVAL_MS = 30_000;

  private final HardwareAbstractionLayer hardware;
  private final RateMeter rates = new RateMeter();
  private List<HWDiskStore> disks = List.of();
  private long scannedAtMs;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiDiskIoCollector(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "oshi.disk";
  }

  @Override
  public void collect(Readings out) {
    long now = System.currentTimeMillis();
    boolean fresh = now - scannedAtMs >= RESCAN_INTERVAL_MS;
    if (fresh) {
      disks = hardware.getDiskStores();
      scannedAtMs = now;
    }
    Set<String> live = new HashSet<>();
    for (HWDiskStore d : disks) {
      if (!fresh) {
        d.updateAttributes();
      }
      String name = d.getName().replaceFirst("^/dev/", "");
      String base = "disk." + SensorIds.segment(name);
      String source = d.getName() + " " + d.getModel();
      live.add(base + ".read");
      live.add(base + ".write");
      out.present(
          SensorInfo.present(
              base + ".read",
              name + " read",
              SensorKind.DISK_IO,
              SensorUnit.BYTES_PER_SECOND,
              source),
          rates.perSecond(base + ".read", d.getReadBytes(), d.getTimeStamp()));
      out.present(
          SensorInfo.present(
              base + ".write",
              name + " write",
              SensorKind.DISK_IO,
              SensorUnit.BYTES_PER_SECOND,
              source),
          rates.perSecond(base + ".write", d.getWriteBytes(), d.getTimeStamp()));
    }
    rates.retainOnly(live);
  }
}
