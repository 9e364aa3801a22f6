package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.agent.testing.SysfsTree;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcStatReader}, {@link ProcMeminfoReader} and their collectors on fixture files. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcReadersTest {
  private static final String STAT =
      "cpu  100 0 100 700 100 0 0 0 0 0\n"
          + "cpu0 50 0 50 350 50 0 0 0 0 0\n"
          + "cpu1 50 0 50 350 50 0 0 0 0 0\n"
          + "intr 12345\nctxt 999\n";

  @TempDir Path proc;

  private SysfsTree tree() {
    return new SysfsTree(proc);
  }

  @Test
  void cpuLoadIsBusyShareOfTicksBetweenTwoReadings() {
    SysfsTree t = tree().file("stat", STAT);
    CpuLoadCollector collector = new CpuLoadCollector(new ProcStatReader(proc), "/proc/stat");
    // +100 user, +300 idle, +100 iowait on the whole CPU: busy 100 of 500
    t.file(
        "stat",
        "cpu  200 0 100 1000 200 0 0 0 0 0\n"
            + "cpu0 150 0 50 350 50 0 0 0 0 0\n"
            + "cpu1 50 0 50 650 150 0 0 0 0 0\n");

    Readings r = new Readings();
    collector.collect(r);

    assertThat(r.values().get("cpu.load")).isCloseTo(20.0, within(1e-9));
    assertThat(r.values().get("cpu.core.0.load")).isCloseTo(100.0, within(1e-9));
    assertThat(r.values().get("cpu.core.1.load")).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void noTimePassedGivesNoValueRatherThanZero() {
    tree().file("stat", STAT);
    CpuLoadCollector collector = new CpuLoadCollector(new ProcStatReader(proc), "/proc/stat");

    Readings r = new Readings();
    collector.collect(r);

    assertThat(r.sensors()).extracting(s -> s.id()).contains("cpu.load", "cpu.core.1.load");
    assertThat(r.values()).doesNotContainKeys("cpu.load", "cpu.core.0.load");
  }

  @Test
  void offlineCpuIsAbsentWithReason() {
    SysfsTree t = tree().file("stat", STAT);
    CpuLoadCollector collector = new CpuLoadCollector(new ProcStatReader(proc), "/proc/stat");
    t.file(
        "stat",
        "cpu  200 0 100 1000 200 0 0 0 0 0\ncpu0 150 0 50 350 50 0 0 0 0 0\n"
            + "cpu2 1 0 1 1 1 0 0 0 0 0\n");

    Readings r = new Readings();
    collector.collect(r);

    assertThat(r.sensors())
        .filteredOn(s -> s.id().equals("cpu.core.1.load"))
        .singleElement()
        .satisfies(s -> assertThat(s.absentReason()).isEqualTo("CPU 1 is offline"));
  }

  @Test
  void memoryUsedIsTotalMinusAvailableAndSwapFromTotalMinusFree() {
    tree()
        .file(
            "meminfo",
            "MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    400 kB\n"
                + "SwapTotal:       200 kB\nSwapFree:        150 kB");

    Readings r = new Readings();
    new MemoryCollector(new ProcMeminfoReader(proc), "/proc/meminfo").collect(r);

    assertThat(r.values())
        .containsEntry("memory.total.bytes", 1_024_000.0)
        .containsEntry("memory.used.bytes", 614_400.0)
        .containsEntry("memory.used.percent", 60.0)
        .containsEntry("swap.used.bytes", 51_200.0)
        .containsEntry("swap.used.percent", 25.0);
  }

  @Test
  void noSwapListsSwapAbsentWithReason() {
    tree()
        .file(
            "meminfo", "MemTotal: 1000 kB\nMemAvailable: 400 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB");

    Readings r = new Readings();
    new MemoryCollector(new ProcMeminfoReader(proc), "/proc/meminfo").collect(r);

    assertThat(r.values()).doesNotContainKey("swap.used.bytes");
    assertThat(r.sensors())
        .filteredOn(s -> s.id().startsWith("swap."))
        .hasSize(3)
        .allSatisfy(s -> assertThat(s.absentReason()).isEqualTo("no swap configured"));
  }

  @Test
  void oldKernelWithoutMemAvailableUsesOshisEstimate() {
    tree()
        .file(
            "meminfo",
            "MemTotal: 1000 kB\nMemFree: 100 kB\nActive(file): 50 kB\nInactive(file): 30 kB\n"
                + "SReclaimable: 20 kB");

    MemoryFigures m = new ProcMeminfoReader(proc).read();

    assertThat(m.availableBytes()).isEqualTo(200 * 1024L);
  }
}
