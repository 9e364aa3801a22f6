package dev.vigil.server.http;

/**
 * The timings of the HTTP link transport, injectable so tests need not wait the real ones.
 *
 * @param keepaliveMs idle time before an events stream gets a keepalive comment
 * @param pollHoldMs how long an empty poll waits
 * @param closedLingerMs how long a closed session is remembered
 * @param sweepIntervalMs how often closed sessions are forgotten
 */
record LinkTimings(long keepaliveMs, long pollHoldMs, long closedLingerMs, long sweepIntervalMs) {
  /** The timings of {@link HttpLinkLimits}. */
  static final LinkTimings DEFAULTS =
      new LinkTimings(
          HttpLinkLimits.SSE_KEEPALIVE_MS,
          HttpLinkLimits.LONG_POLL_HOLD_MS,
          HttpLinkLimits.CLOSED_LINGER_MS,
          HttpLinkLimits.SWEEP_INTERVAL_MS);
}
