package dev.vigil.bench.run;

/**
 * The relay's memory at one point of the idle-memory measurement, read after a full GC.
 *
 * @param connected idle agents connected when read
 * @param rssBytes relay resident memory
 * @param liveHeapBytes live heap (class histogram total, which follows a full GC)
 */
public record MemoryReading(int connected, long rssBytes, long liveHeapBytes) {}
