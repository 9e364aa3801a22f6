package dev.vigil.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's CPU time from {@code /proc/<pid>/stat} (utime + stime) and its memory from
 * {@code /proc/<pid>/status} (VmRSS, VmHWM). Linux only. Stateless; thread-safe.
 */
public final class ProcReader {
  /**
   * Clock ticks per second of the utime/stime fields: USER_HZ, which Linux fixes at 100 on every
   * architecture it exposes to user space ({@code getconf CLK_TCK}).
   */
  public static final int CLOCK_TICKS_PER_SECOND = 100;

  /** utime is field 14 of stat; after the ')' ending field 2, it is token 11 (state is 0). */
  static final int UTIME_TOKEN = 11;

  static final int STIME_TOKEN = 12;
  static final long BYTES_PER_KIB = 1024;

  /** Fields of the {@code cpu} line that count as busy: user nice system irq softirq steal. */
  static final int[] MACHINE_BUSY_FIELDS = {1, 2, 3, 6, 7, 8};

  static final int MACHINE_STEAL_FIELD = 8;

  private final Path procRoot;

  public ProcReader() {
    this(Path.of("/proc"));
  }

  /** A reader of another proc tree, for tests. */
  public ProcReader(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** Reads process {@code pid} now. */
  public ProcessUsage read(long pid) throws IOException {
    Path dir = procRoot.resolve(Long.toString(pid));
    String stat = Files.readString(dir.resolve("stat"));
    String status = Files.readString(dir.resolve("status"));
    return new ProcessUsage(
        cpuSeconds(stat),
        statusKib(status, "VmRSS") * BYTES_PER_KIB,
        statusKib(status, "VmHWM") * BYTES_PER_KIB);
  }

  /**
   * CPU time the whole machine spent busy (user, nice, system, irq, softirq, steal) since boot,
   * summed over every CPU, in seconds: the first line of {@code /proc/stat}.
   */
  public double machineBusySeconds() throws IOException {
    return machineBusySeconds(Files.readString(procRoot.resolve("stat")));
  }

  /** Busy seconds of the {@code cpu} line of a {@code /proc/stat} text. */
  static double machineBusySeconds(String procStat) throws IOException {
    String first = procStat.lines().findFirst().orElse("");
    String[] f = first.trim().split("\\s+");
    if (!"cpu".equals(f[0]) || f.length < MACHINE_STEAL_FIELD + 1) {
      throw new IOException("first line of /proc/stat is not the cpu total: " + abbreviate(first));
    }
    long ticks = 0;
    for (int i : MACHINE_BUSY_FIELDS) {
      ticks += Long.parseLong(f[i]);
    }
    return (double) ticks / CLOCK_TICKS_PER_SECOND;
  }

  /** utime + stime of a {@code stat} line, in seconds. */
  static double cpuSeconds(String stat) throws IOException {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IOException("no ')' after the command name in stat: " + abbreviate(stat));
    }
    String[] tokens = stat.substring(close + 1).trim().split("\\s+");
    if (tokens.length <= STIME_TOKEN) {
      throw new IOException("stat has only " + tokens.length + " fields after the name");
    }
    long ticks = Long.parseLong(tokens[UTIME_TOKEN]) + Long.parseLong(tokens[STIME_TOKEN]);
    return (double) ticks / CLOCK_TICKS_PER_SECOND;
  }

  /** A {@code Name: 123 kB} field of {@code status}, in KiB. */
  static long statusKib(String status, String field) throws IOException {
    for (String line : status.split("\n")) {
      if (line.startsWith(field + ":")) {
        String value = line.substring(field.length() + 1).trim();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
      }
    }
    throw new IOException("no " + field + " in status (kernel thread or process gone?)");
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
