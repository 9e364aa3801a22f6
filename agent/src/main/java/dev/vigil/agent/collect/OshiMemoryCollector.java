package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * Memory and swap: {@code memory.used.bytes}, {@code memory.total.bytes}, {@code
 * memory.used.percent}, and the same for {@code swap.*}. A host without swap lists {@code swap.*}
 * absent.
 */
public final class OshiMemoryCollector implements Collector {
  private static final double PERCENT = 100.0;
  private static final String SOURCE = "oshi";
  private static final String NO_SWAP = "no swap configured";

  private static final SensorInfo MEMORY_USED =
      info("memory.used.bytes", "memory used", SensorKind.MEMORY, SensorUnit.BYTES);
  private static final SensorInfo MEMORY_TOTAL =
      info("memory.total.bytes", "memory total", SensorKind.MEMORY, SensorUnit.BYTES);
  private static final SensorInfo MEMORY_PERCENT =
      info("memory.used.percent", "memory used", SensorKind.MEMORY, SensorUnit.PERCENT);
  private static final SensorInfo SWAP_USED =
      info("swap.used.bytes", "swap used", SensorKind.SWAP, SensorUnit.BYTES);
  private static final SensorInfo SWAP_TOTAL =
      info("swap.total.bytes", "swap total", SensorKind.SWAP, SensorUnit.BYTES);
  private static final SensorInfo SWAP_PERCENT =
      info("swap.used.percent", "swap used", SensorKind.SWAP, SensorUnit.PERCENT);

  private final GlobalMemory memory;

  /**
   * @param memory the shared OSHI memory
   */
  public OshiMemoryCollector(GlobalMemory memory) {
    this.memory = memory;
  }

  @Override
  public String name() {
    return "oshi.memory";
  }

  @Override
  public void collect(Readings out) {
    long total = memory.getTotal();
    long used = total - memory.getAvailable();
    out.present(MEMORY_USED, used);
    out.present(MEMORY_TOTAL, total);
    out.present(MEMORY_PERCENT, total > 0 ? PERCENT * used / total : Double.NaN);
    VirtualMemory swap = memory.getVirtualMemory();
    long swapTotal = swap.getSwapTotal();
    if (swapTotal <= 0) {
      for (SensorInfo s : new SensorInfo[] {SWAP_USED, SWAP_TOTAL, SWAP_PERCENT}) {
        out.absent(
            SensorInfo.absent(s.id(), s.rawLabel(), s.kind(), s.unit(), s.source(), NO_SWAP));
      }
      return;
    }
    long swapUsed = swap.getSwapUsed();
    out.present(SWAP_USED, swapUsed);
    out.present(SWAP_TOTAL, swapTotal);
    out.present(SWAP_PERCENT, PERCENT * swapUsed / swapTotal);
  }

  private static SensorInfo info(String id, String label, SensorKind kind, SensorUnit unit) {
    return SensorInfo.present(id, label, kind, unit, SOURCE);
  }
}
