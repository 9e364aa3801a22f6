package dev.vigil.agent.collect;

import oshi.hardware.CentralProcessor;

/** CPU time counters through OSHI, for platforms without {@code /proc}. */
public final class OshiCpuTicksReader implements CpuTicksReader {
  private final CentralProcessor processor;

  /**
   * @param processor the shared OSHI processor
   */
  public OshiCpuTicksReader(CentralProcessor processor) {
    this.processor = processor;
  }

  @Override
  public CpuTicks read() {
    return new CpuTicks(processor.getSystemCpuLoadTicks(), processor.getProcessorCpuLoadTicks());
  }
}
