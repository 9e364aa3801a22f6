package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import oshi.hardware.CentralProcessor;

/**
 * CPU load in percent, total ({@code cpu.load}) and per logical core ({@code cpu.core.N.load}),
 * between this tick and the previous one (OSHI's "between ticks" calls; never the sleeping ones).
 */
public final class OshiCpuLoadCollector implements Collector {
  /** Id of the total CPU load. */
  public static final String CPU_LOAD_ID = "cpu.load";

  private static final double PERCENT = 100.0;
  private static final String SOURCE = "oshi";

  private final CentralProcessor processor;
  private final SensorInfo total =
      SensorInfo.present(CPU_LOAD_ID, "CPU load", SensorKind.LOAD, SensorUnit.PERCENT, SOURCE);
  private SensorInfo[] cores = new SensorInfo[0];
  private long[] previousTicks;
  private long[][] previousCoreTicks;

  /**
   * @param processor the shared OSHI processor; its ticks now are the baseline of the first tick
   */
  public OshiCpuLoadCollector(CentralProcessor processor) {
    this.processor = processor;
    this.previousTicks = processor.getSystemCpuLoadTicks();
    this.previousCoreTicks = processor.getProcessorCpuLoadTicks();
  }

  @Override
  public String name() {
    return "oshi.cpu";
  }

  @Override
  public void collect(Readings out) {
    long[] ticks = processor.getSystemCpuLoadTicks();
    out.present(total, processor.getSystemCpuLoadBetweenTicks(previousTicks) * PERCENT);
    previousTicks = ticks;

    long[][] coreTicks = processor.getProcessorCpuLoadTicks();
    double[] loads =
        coreTicks.length == previousCoreTicks.length
            ? processor.getProcessorCpuLoadBetweenTicks(previousCoreTicks)
            : new double[0];
    previousCoreTicks = coreTicks;
    if (cores.length != coreTicks.length) {
      cores = new SensorInfo[coreTicks.length];
      for (int i = 0; i < cores.length; i++) {
        cores[i] =
            SensorInfo.present(
                "cpu.core." + i + ".load", "CPU " + i, SensorKind.LOAD, SensorUnit.PERCENT, SOURCE);
      }
    }
    for (int i = 0; i < cores.length; i++) {
      if (i < loads.length) {
        out.present(cores[i], loads[i] * PERCENT);
      } else {
        out.presentWithoutValue(cores[i]);
      }
    }
  }
}
