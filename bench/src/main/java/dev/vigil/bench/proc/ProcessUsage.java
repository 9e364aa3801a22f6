package dev.vigil.bench.proc;

/**
 * What the kernel reports about one process at one moment.
 *
 * @param cpuSeconds user plus system CPU time since the process started
 * @param rssBytes resident set size now ({@code VmRSS})
 * @param peakRssBytes highest resident set size since start ({@code VmHWM})
 */
public record ProcessUsage(double cpuSeconds, long rssBytes, long peakRssBytes) {}
