package dev.vigil.agent.collect;

import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/** Memory and swap through OSHI, for platforms without {@code /proc}. */
public final class OshiMemoryReader implements MemoryReader {
  private final GlobalMemory memory;

  /**
   * @param memory the shared OSHI memory
   */
  public OshiMemoryReader(GlobalMemory memory) {
    this.memory = memory;
  }

  @Override
  public MemoryFigures read() {
    VirtualMemory swap = memory.getVirtualMemory();
    return new MemoryFigures(
        memory.getTotal(), memory.getAvailable(), swap.getSwapTotal(), swap.getSwapUsed());
  }
}
