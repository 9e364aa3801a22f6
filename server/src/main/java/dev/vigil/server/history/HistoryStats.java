package dev.vigil.server.history;

/** Counters of the history writer, for {@code /health} and {@code /metrics}. Thread-safe. */
public interface HistoryStats {
  /** Rows committed to the store since the relay started. */
  long rowsWritten();

  /** Items dropped (queue full or a failed write) since the relay started. */
  long itemsDropped();

  /** Items waiting to be written now. */
  int queueItems();
}
