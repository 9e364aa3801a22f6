package dev.vigil.agent.collect;

/** Reads the CPU time counters; one implementation per platform source. */
public interface CpuTicksReader {
  /** The counters now. May throw a runtime exception on a real failure. */
  CpuTicks read();
}
