package dev.vigil.agent.collect;

/**
 * Memory and swap sizes in bytes.
 *
 * @param totalBytes physical memory
 * @param availableBytes memory available to new programs without swapping
 * @param swapTotalBytes swap space, 0 when none is configured
 * @param swapUsedBytes swap in use
 */
public record MemoryFigures(
    long totalBytes, long availableBytes, long swapTotalBytes, long swapUsedBytes) {}
