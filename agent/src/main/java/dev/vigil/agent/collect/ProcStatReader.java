package dev.vigil.agent.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux CPU time counters from one read of {@code /proc/stat}: the {@code cpu} line and every
 * {@code cpuN} line, the first {@value CpuTicks#COUNT} counters of each (what OSHI parses, without
 * its second read of the file for the per-CPU counters).
 */
public final class ProcStatReader implements CpuTicksReader {
  private static final String CPU = "cpu";

  private final Path statFile;

  /**
   * @param procRoot where procfs is mounted, normally {@code /proc}
   */
  public ProcStatReader(Path procRoot) {
    this.statFile = procRoot.resolve("stat");
  }

  @Override
  public CpuTicks read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(statFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + statFile, e);
    }
    long[] total = null;
    List<long[]> cores = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(CPU)) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      long[] ticks = new long[CpuTicks.COUNT];
      for (int i = 0; i < CpuTicks.COUNT && i + 1 < f.length; i++) {
        ticks[i] = Long.parseLong(f[i + 1]);
      }
      if (f[0].equals(CPU)) {
        total = ticks;
      } else {
        int n = Integer.parseInt(f[0].substring(CPU.length()));
        while (cores.size() <= n) {
          cores.add(null); // an offline CPU has no line
        }
        cores.set(n, ticks);
      }
    }
    if (total == null) {
      throw new IllegalStateException("no cpu line in " + statFile);
    }
    return new CpuTicks(total, cores.toArray(new long[0][]));
  }
}
