package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;

/**
 * CPU load in percent, total ({@code cpu.load}) and per logical core ({@code cpu.core.N.load}),
 * between this tick and the previous one (never a sleeping measurement). A core without two
 * readings (first tick, just brought online) is listed without a value.
 */
public final class CpuLoadCollector implements Collector {
  /** Id of the total CPU load. */
  public static final String CPU_LOAD_ID = "cpu.load";

  private static final double PERCENT = 100.0;

  private final CpuTicksReader reader;
  private final SensorInfo total;
  private final String source;
  private SensorInfo[] cores = new SensorInfo[0];
  private CpuTicks previous;

  /**
   * @param reader reads the counters; its reading now is the baseline of the first tick
   * @param source where the counters come from, e.g. {@code /proc/stat} or {@code oshi}
   */
  public CpuLoadCollector(CpuTicksReader reader, String source) {
    this.reader = reader;
    this.source = source;
    this.total =
        SensorInfo.present(CPU_LOAD_ID, "CPU load", SensorKind.LOAD, SensorUnit.PERCENT, source);
    this.previous = reader.read();
  }

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public void collect(Readings out) {
    CpuTicks now = reader.read();
    out.present(total, CpuTicks.busyBetween(previous.total(), now.total()) * PERCENT);
    if (cores.length != now.cores().length) {
      cores = new SensorInfo[now.cores().length];
      for (int i = 0; i < cores.length; i++) {
        cores[i] =
            SensorInfo.present(
                "cpu.core." + i + ".load", "CPU " + i, SensorKind.LOAD, SensorUnit.PERCENT, source);
      }
    }
    long[][] before = previous.cores();
    for (int i = 0; i < cores.length; i++) {
      if (now.cores()[i] == null) {
        out.absent(
            SensorInfo.absent(
                cores[i].id(),
                cores[i].rawLabel(),
                SensorKind.LOAD,
                SensorUnit.PERCENT,
                source,
                "CPU " + i + " is offline"));
        continue;
      }
      double busy =
          i < before.length ? CpuTicks.busyBetween(before[i], now.cores()[i]) : Double.NaN;
      out.present(cores[i], busy * PERCENT);
    }
    previous = now;
  }
}
