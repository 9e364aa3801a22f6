package dev.vigil.agent.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Linux memory and swap from one read of {@code /proc/meminfo}: {@code MemTotal}, {@code
 * MemAvailable} (on kernels without it, {@code MemFree + Active(file) + Inactive(file) +
 * SReclaimable}, OSHI's estimate), {@code SwapTotal} and {@code SwapTotal - SwapFree}.
 */
public final class ProcMeminfoReader implements MemoryReader {
  private static final long BYTES_PER_KIB = 1024;
  private static final Set<String> KEYS =
      Set.of(
          "MemTotal",
          "MemAvailable",
          "MemFree",
          "Active(file)",
          "Inactive(file)",
          "SReclaimable",
          "SwapTotal",
          "SwapFree");

  private final Path meminfo;

  /**
   * @param procRoot where procfs is mounted, normally {@code /proc}
   */
  public ProcMeminfoReader(Path procRoot) {
    this.meminfo = procRoot.resolve("meminfo");
  }

  @Override
  public MemoryFigures read() {
    Map<String, Long> kib = new HashMap<>();
    try {
      for (String line : Files.readAllLines(meminfo)) {
        int colon = line.indexOf(':');
        if (colon > 0 && KEYS.contains(line.substring(0, colon))) {
          String[] value = line.substring(colon + 1).trim().split("\\s+");
          kib.put(line.substring(0, colon), Long.parseLong(value[0]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meminfo, e);
    }
    Long total = kib.get("MemTotal");
    if (total == null) {
      throw new IllegalStateException("no MemTotal in " + meminfo);
    }
    Long available = kib.get("MemAvailable");
    if (available == null) {
      available =
          kib.getOrDefault("MemFree", 0L)
              + kib.getOrDefault("Active(file)", 0L)
              + kib.getOrDefault("Inactive(file)", 0L)
              + kib.getOrDefault("SReclaimable", 0L);
    }
    long swapTotal = kib.getOrDefault("SwapTotal", 0L);
    long swapUsed = swapTotal - kib.getOrDefault("SwapFree", swapTotal);
    return new MemoryFigures(
        total * BYTES_PER_KIB,
        Math.min(available, total) * BYTES_PER_KIB,
        swapTotal * BYTES_PER_KIB,
        swapUsed * BYTES_PER_KIB);
  }
}
