package dev.vigil.bench.run;

/**
 * What idle agent connections cost the relay.
 *
 * @param connections idle agents asked for
 * @param connected idle agents still connected when measured
 * @param rssBeforeBytes relay resident memory before they connected (after a full GC)
 * @param rssAfterBytes relay resident memory with them connected (after a full GC)
 * @param liveHeapBeforeBytes live heap before (class histogram total)
 * @param liveHeapAfterBytes live heap after
 */
public record IdleMemoryResult(
    int connections,
    int connected,
    long rssBeforeBytes,
    long rssAfterBytes,
    long liveHeapBeforeBytes,
    long liveHeapAfterBytes) {

  /** Resident memory per connected agent, in bytes. */
  public double rssBytesPerConnection() {
    return connected == 0 ? Double.NaN : (double) (rssAfterBytes - rssBeforeBytes) / connected;
  }

  /** Live heap per connected agent, in bytes. */
  public double liveHeapBytesPerConnection() {
    return connected == 0
        ? Double.NaN
        : (double) (liveHeapAfterBytes - liveHeapBeforeBytes) / connected;
  }
}
