package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Usage of every local file system: {@code fs.<mount>.used.percent}, {@code fs.<mount>.used.bytes}
 * and {@code fs.<mount>.total.bytes}, where {@code <mount>} is the normalised mount point ({@code
 * root} for {@code /}). OSHI lists the mounts; it is asked again only when the mount table changes
 * (or every {@link #RESCAN_INTERVAL_MS} where there is no mount table file), because OSHI's listing
 * runs {@code lsblk} on Linux. Usage is read with one {@code statvfs} per figure, like {@code df}:
 * used is total minus free, percent is used / (used + space available to users).
 */
public final class OshiFileSystemCollector implements Collector {
  /** Where there is no mount table file, how often the mount list is rebuilt, in milliseconds. */
  public static final long RESCAN_INTERVAL_MS = 30_000;

  /** File system types that hold no user data (memory, kernel, read-only images). */
  private static final Set<String> IGNORED_TYPES =
      Set.of("tmpfs", "devtmpfs", "squashfs", "proc", "sysfs", "ramfs", "efivarfs", "nsfs");

  private static final double PERCENT = 100.0;

  private record Mount(String path, String source) {}

  private final FileSystem fileSystem;
  private final Path mountTable;
  private List<Mount> mounts;
  private String mountTableSeen;
  private long scannedAtMs;

  /**
   * @param fileSystem the shared OSHI file system
   * @param mountTable the kernel's mount table (e.g. {@code /proc/self/mounts}), watched for
   *     changes; null where there is none
   */
  public OshiFileSystemCollector(FileSystem fileSystem, Path mountTable) {
    this.fileSystem = fileSystem;
    this.mountTable = mountTable;
  }

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public void collect(Readings out) {
    if (mountsChanged()) {
      mounts = listMounts();
    }
    for (Mount m : mounts) {
      String base = "fs." + SensorIds.mount(m.path);
      SensorInfo percent = info(base + ".used.percent", m.path, SensorUnit.PERCENT, m.source);
      SensorInfo usedBytes = info(base + ".used.bytes", m.path, SensorUnit.BYTES, m.source);
      SensorInfo totalBytes = info(base + ".total.bytes", m.path, SensorUnit.BYTES, m.source);
      File dir = new File(m.path);
      long total = dir.getTotalSpace();
      long used = total - dir.getFreeSpace();
      long available = dir.getUsableSpace();
      if (total <= 0) {
        // unmounted since the list was made, or statvfs failed: no reading this time
        out.presentWithoutValue(percent);
        out.presentWithoutValue(usedBytes);
        out.presentWithoutValue(totalBytes);
        continue;
      }
      out.present(percent, used + available > 0 ? PERCENT * used / (used + available) : Double.NaN);
      out.present(usedBytes, used);
      out.present(totalBytes, total);
    }
  }

  private boolean mountsChanged() {
    if (mountTable == null || !Files.isReadable(mountTable)) {
      long now = System.currentTimeMillis();
      boolean due = mounts == null || now - scannedAtMs >= RESCAN_INTERVAL_MS;
      if (due) {
        scannedAtMs = now;
      }
      return due;
    }
    String table = String.join("\n", SysfsFiles.lines(mountTable));
    boolean changed = mounts == null || !table.equals(mountTableSeen);
    mountTableSeen = table;
    return changed;
  }

  private List<Mount> listMounts() {
    List<Mount> kept = new ArrayList<>();
    for (OSFileStore s : fileSystem.getFileStores(true)) {
      if (!IGNORED_TYPES.contains(s.getType()) && s.getTotalSpace() > 0) {
        kept.add(new Mount(s.getMount(), s.getVolume() + " (" + s.getType() + ")"));
      }
    }
    kept.sort((a, b) -> a.path.compareTo(b.path));
    return kept;
  }

  private static SensorInfo info(String id, String mount, SensorUnit unit, String source) {
    return SensorInfo.present(id, mount, SensorKind.FILESYSTEM, unit, source);
  }
}
