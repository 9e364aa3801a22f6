package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Usage of every local file system: {@code fs.<mount>.used.percent}, {@code fs.<mount>.used.bytes}
 * and {@code fs.<mount>.total.bytes}, where {@code <mount>} is the normalised mount point ({@code
 * root} for {@code /}). The mount list is refreshed every {@link #RESCAN_INTERVAL_MS}.
 */
public final class OshiFileSystemCollector implements Collector {
  /** How often the list of mounts is rebuilt, in milliseconds. */
  public static final long RESCAN_INTERVAL_MS = 30_000;

  /** File system types that hold no user data (memory, kernel, read-only images). */
  private static final Set<String> IGNORED_TYPES =
      Set.of("tmpfs", "devtmpfs", "squashfs", "proc", "sysfs", "ramfs", "efivarfs", "nsfs");

  private static final double PERCENT = 100.0;

  private final FileSystem fileSystem;
  private List<OSFileStore> stores = List.of();
  private long scannedAtMs;

  /**
   * @param fileSystem the shared OSHI file system
   */
  public OshiFileSystemCollector(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  @Override
  public String name() {
    return "oshi.filesystem";
  }

  @Override
  public void collect(Readings out) {
    long now = System.currentTimeMillis();
    boolean fresh = now - scannedAtMs >= RESCAN_INTERVAL_MS;
    if (fresh) {
      List<OSFileStore> kept = new ArrayList<>();
      for (OSFileStore s : fileSystem.getFileStores(true)) {
        if (!IGNORED_TYPES.contains(s.getType()) && s.getTotalSpace() > 0) {
          kept.add(s);
        }
      }
      kept.sort((a, b) -> a.getMount().compareTo(b.getMount()));
      stores = kept;
      scannedAtMs = now;
    }
    for (OSFileStore s : stores) {
      if (!fresh) {
        s.updateAttributes();
      }
      String base = "fs." + SensorIds.mount(s.getMount());
      String source = s.getVolume() + " (" + s.getType() + ")";
      long total = s.getTotalSpace();
      long used = total - s.getFreeSpace();
      out.present(
          info(base + ".used.percent", s.getMount(), SensorUnit.PERCENT, source),
          total > 0 ? PERCENT * used / total : Double.NaN);
      out.present(info(base + ".used.bytes", s.getMount(), SensorUnit.BYTES, source), used);
      out.present(info(base + ".total.bytes", s.getMount(), SensorUnit.BYTES, source), total);
    }
  }

  private static SensorInfo info(String id, String mount, SensorUnit unit, String source) {
    return SensorInfo.present(id, mount, SensorKind.FILESYSTEM, unit, source);
  }
}
