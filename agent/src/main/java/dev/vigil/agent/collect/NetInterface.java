package dev.vigil.agent.collect;

/**
 * One network interface with a hardware address (loopback excluded), with its link state and
 * traffic counters.
 *
 * @param name interface name, e.g. {@code eth0}
 * @param displayName the platform's friendly name (the interface name on Linux)
 * @param mac hardware address, e.g. {@code 02:fc:00:00:00:01}
 * @param operState link state in lower case ({@code up}, {@code down}, ...), or null when unknown
 * @param speedBitsPerSecond link speed, 0 when not reported (e.g. link down)
 * @param rxBytes bytes received since boot, -1 when not readable
 * @param txBytes bytes sent since boot, -1 when not readable
 * @param timestampMs when the counters were read, epoch milliseconds
 * @param source where it was read
 */
public record NetInterface(
    String name,
    String displayName,
    String mac,
    String operState,
    long speedBitsPerSecond,
    long rxBytes,
    long txBytes,
    long timestampMs,
    String source) {

  /** True when both traffic counters were read. */
  public boolean hasCounters() {
    return rxBytes >= 0 && txBytes >= 0;
  }
}
