package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * Disk throughput in bytes per second per disk: {@code disk.<name>.read} and {@code
 * disk.<name>.write} (e.g. {@code disk.sda.read}). No value on a disk's first reading (a rate needs
 * two) or when its counters cannot be read.
 */
public final class DiskIoCollector implements Collector {
  private final DiskReader reader;
  private final RateMeter rates = new RateMeter();

  /**
   * @param reader reads the disks and their counters
   */
  public DiskIoCollector(DiskReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public void collect(Readings out) {
    Set<String> live = new HashSet<>();
    for (Disk d : reader.disks()) {
      String base = "disk." + SensorIds.segment(d.name());
      SensorInfo read = info(base + ".read", d.name() + " read", d.source());
      SensorInfo write = info(base + ".write", d.name() + " write", d.source());
      if (!d.hasCounters()) {
        out.presentWithoutValue(read);
        out.presentWithoutValue(write);
        continue;
      }
      live.add(read.id());
      live.add(write.id());
      out.present(read, rates.perSecond(read.id(), d.readBytes(), d.timestampMs()));
      out.present(write, rates.perSecond(write.id(), d.writeBytes(), d.timestampMs()));
    }
    rates.retainOnly(live);
  }

  private static SensorInfo info(String id, String label, String source) {
    return SensorInfo.present(id, label, SensorKind.DISK_IO, SensorUnit.BYTES_PER_SECOND, source);
  }
}
