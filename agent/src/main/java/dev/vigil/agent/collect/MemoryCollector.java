package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;

/**
 * Memory and swap: {@code memory.used.bytes} (total minus available), {@code memory.total.bytes},
 * {@code memory.used.percent}, and the same for {@code swap.*}. A host without swap lists {@code
 * swap.*} absent.
 */
public final class MemoryCollector implements Collector {
  private static final double PERCENT = 100.0;
  private static final String NO_SWAP = "no swap configured";

  private final MemoryReader reader;
  private final SensorInfo memoryUsed;
  private final SensorInfo memoryTotal;
  private final SensorInfo memoryPercent;
  private final SensorInfo[] swap;

  /**
   * @param reader reads memory and swap sizes
   * @param source where they come from, e.g. {@code /proc/meminfo} or {@code oshi}
   */
  public MemoryCollector(MemoryReader reader, String source) {
    this.reader = reader;
    memoryUsed =
        info("memory.used.bytes", "memory used", SensorKind.MEMORY, SensorUnit.BYTES, source);
    memoryTotal =
        info("memory.total.bytes", "memory total", SensorKind.MEMORY, SensorUnit.BYTES, source);
    memoryPercent =
        info("memory.used.percent", "memory used", SensorKind.MEMORY, SensorUnit.PERCENT, source);
    swap =
        new SensorInfo[] {
          info("swap.used.bytes", "swap used", SensorKind.SWAP, SensorUnit.BYTES, source),
          info("swap.total.bytes", "swap total", SensorKind.SWAP, SensorUnit.BYTES, source),
          info("swap.used.percent", "swap used", SensorKind.SWAP, SensorUnit.PERCENT, source)
        };
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void collect(Readings out) {
    MemoryFigures m = reader.read();
    long total = m.totalBytes();
    long used = total - m.availableBytes();
    out.present(memoryUsed, used);
    out.present(memoryTotal, total);
    out.present(memoryPercent, total > 0 ? PERCENT * used / total : Double.NaN);
    long swapTotal = m.swapTotalBytes();
    if (swapTotal <= 0) {
      for (SensorInfo s : swap) {
        out.absent(
            SensorInfo.absent(s.id(), s.rawLabel(), s.kind(), s.unit(), s.source(), NO_SWAP));
      }
      return;
    }
    out.present(swap[0], m.swapUsedBytes());
    out.present(swap[1], swapTotal);
    out.present(swap[2], PERCENT * m.swapUsedBytes() / swapTotal);
  }

  private static SensorInfo info(
      String id, String label, SensorKind kind, SensorUnit unit, String source) {
    return SensorInfo.present(id, label, kind, unit, source);
  }
}
