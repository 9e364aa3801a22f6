package dev.vigil.agent.collect;

/** Reads memory and swap sizes; one implementation per platform source. */
public interface MemoryReader {
  /** The sizes now. May throw a runtime exception on a real failure. */
  MemoryFigures read();
}
