package dev.vigil.agent.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux disks read straight from sysfs and the udev database, the same attributes OSHI reads
 * through libudev but without enumerating every block device and partition on each call: {@code
 * block/<disk>/size} and {@code stat} (512-byte sectors), and {@code ID_MODEL} and {@code
 * ID_SERIAL_SHORT} (device-mapper disks: model {@value #DM_MODEL}, serial {@code DM_UUID}) from
 * {@code /run/udev/data/b<major>:<minor>}. Loop and RAM disks are skipped, as OSHI does.
 */
public final class SysfsDiskReader implements DiskReader {
  /** Bytes per sector in {@code size} and {@code stat}, fixed by the kernel ABI. */
  public static final long SECTOR_BYTES = 512;

  /** Model OSHI gives device-mapper disks; kept so disk ids and names do not change. */
  public static final String DM_MODEL = "Logical Volume Group";

  /** Index of "sectors read" in {@code stat}. */
  private static final int SECTORS_READ_FIELD = 2;

  /** Index of "sectors written" in {@code stat}. */
  private static final int SECTORS_WRITTEN_FIELD = 6;

  private static final String UDEV_PROPERTY = "E:";

  private final Path blockDir;
  private final Path udevDataDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   * @param udevDataDir the udev database, normally {@code /run/udev/data}; a missing one means no
   *     model and serial
   */
  public SysfsDiskReader(Path sysfsRoot, Path udevDataDir) {
    this.blockDir = sysfsRoot.resolve("block");
    this.udevDataDir = udevDataDir;
  }

  @Override
  public List<Disk> disks() {
    List<Disk> out = new ArrayList<>();
    for (Path dir : SysfsFiles.list(blockDir)) {
      String name = dir.getFileName().toString();
      if (name.startsWith("loop") || name.startsWith("ram")) {
        continue;
      }
      Map<String, String> udev = udevProperties(dir);
      boolean dm = name.startsWith("dm-");
      long[] counters = sectorCounters(dir);
      out.add(
          new Disk(
              name,
              dm ? DM_MODEL : udev.get("ID_MODEL"),
              udev.get(dm ? "DM_UUID" : "ID_SERIAL_SHORT"),
              SysfsFiles.number(dir.resolve("size")).orElse(0) * SECTOR_BYTES,
              counters[0],
              counters[1],
              System.currentTimeMillis()));
    }
    return out;
  }

  /** Bytes read and written, or -1 each when {@code stat} cannot be read. */
  private static long[] sectorCounters(Path dir) {
    Optional<String> stat = SysfsFiles.text(dir.resolve("stat"));
    if (stat.isPresent()) {
      String[] fields = stat.get().trim().split("\\s+");
      if (fields.length > SECTORS_WRITTEN_FIELD) {
        try {
          return new long[] {
            Long.parseLong(fields[SECTORS_READ_FIELD]) * SECTOR_BYTES,
            Long.parseLong(fields[SECTORS_WRITTEN_FIELD]) * SECTOR_BYTES
          };
        } catch (NumberFormatException e) {
          // fall through: unreadable counters
        }
      }
    }
    return new long[] {-1, -1};
  }

  /** The udev properties ({@code E:KEY=VALUE} lines) of a block device, empty if none. */
  private Map<String, String> udevProperties(Path dir) {
    Map<String, String> props = new HashMap<>();
    Optional<String> dev = SysfsFiles.text(dir.resolve("dev"));
    if (dev.isEmpty()) {
      return props;
    }
    for (String line : SysfsFiles.lines(udevDataDir.resolve("b" + dev.get()))) {
      int eq = line.indexOf('=');
      if (line.startsWith(UDEV_PROPERTY) && eq > UDEV_PROPERTY.length()) {
        String value = line.substring(eq + 1).trim();
        if (!value.isEmpty()) {
          props.put(line.substring(UDEV_PROPERTY.length(), eq), value);
        }
      }
    }
    return props;
  }
}
