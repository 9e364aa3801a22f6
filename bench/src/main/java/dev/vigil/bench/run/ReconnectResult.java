package dev.vigil.bench.run;

/**
 * How agents came back after their relay went away and returned: the rate at which their
 * connections became ready again, and how long it took. Times count from the moment the first
 * connection dropped.
 *
 * @param connections agents that were connected before the drop
 * @param reconnected agents ready again by the end
 * @param peakPerSecond most connections that became ready in any one-second window
 * @param peakPer100MsPerSecond most in any 100 ms window, times ten: how spiky the arrival is
 * @param firstReadyMs when the first connection was ready again
 * @param halfReadyMs when half of them were
 * @param allReadyMs when the last one was, or -1 if not all came back
 * @param failedDials dials that failed while the relay was down or busy (refused, reset)
 * @param downMs how long the relay was down (as the script says), -1 if unknown
 */
public record ReconnectResult(
    int connections,
    int reconnected,
    int peakPerSecond,
    int peakPer100MsPerSecond,
    long firstReadyMs,
    long halfReadyMs,
    long allReadyMs,
    long failedDials,
    long downMs) {

  /** Most entries of sorted {@code times} within any window of {@code windowNanos}. */
  static int peakInWindow(long[] times, long windowNanos) {
    int peak = 0;
    int start = 0;
    for (int end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= windowNanos) {
        start++;
      }
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }
}
