package dev.vigil.ui.history;

import java.util.concurrent.CompletableFuture;

/** Where stored series come from: the relay's history API. Never blocks the caller. */
public interface HistorySource {
  /**
   * One sensor's values between two times, at the resolution the store chooses for the range.
   * Completes exceptionally with a message fit for the operator when the history cannot be read.
   */
  CompletableFuture<SeriesPoints> series(String hostId, String sensorId, long fromMs, long toMs);

  /**
   * The alert transitions the relay stored between two times, newest first, at most {@code limit};
   * each is the whole alert as it was pushed then. A source without alert history completes
   * exceptionally.
   */
  default CompletableFuture<java.util.List<dev.vigil.protocol.Alert>> alertTransitions(
      long fromMs, long toMs, int limit) {
    return CompletableFuture.failedFuture(
        new IllegalStateException("history unavailable: no alert history here"));
  }
}
