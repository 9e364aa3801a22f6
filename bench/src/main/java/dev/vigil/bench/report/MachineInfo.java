package dev.vigil.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run happened on, read from {@code /proc}: every core the kernel has, not only the
 * ones this process is pinned to.
 *
 * @param cores logical CPUs
 * @param cpuModel the CPU's model name
 * @param memoryMib total memory
 * @param kernel kernel release
 * @param jdk the JDK running the harness (and the servers)
 */
public record MachineInfo(int cores, String cpuModel, long memoryMib, String kernel, String jdk) {
  /** Reads this machine. */
  public static MachineInfo read() throws IOException {
    return read(Path.of("/proc"));
  }

  /** Reads the machine described by the proc tree at {@code proc}. */
  static MachineInfo read(Path proc) throws IOException {
    List<String> cpuinfo = Files.readAllLines(proc.resolve("cpuinfo"));
    int cores = 0;
    String model = "unknown";
    for (String line : cpuinfo) {
      if (line.startsWith("processor")) {
        cores++;
      } else if (line.startsWith("model name") && "unknown".equals(model)) {
        model = line.substring(line.indexOf(':') + 1).trim();
      }
    }
    long memoryKib = 0;
    for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memoryKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    Path release = proc.resolve("sys/kernel/osrelease");
    String kernel = Files.exists(release) ? Files.readString(release).trim() : "unknown";
    String jdk =
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    return new MachineInfo(cores, model, memoryKib / 1024, kernel, jdk);
  }
}
