package dev.vigil.server.history;

import java.util.List;

/**
 * Durable history: raw samples, minute rollups, device events and alert transitions. {@link
 * #append}, {@link #commit}, {@link #write} and {@link #sweepHost} are called from one thread (the
 * writer); the reads from any thread, concurrently with writes. Every method throws {@link
 * HistoryException} when the store fails.
 */
public interface HistoryStore extends AutoCloseable {
  /**
   * Writes {@code batch} into the open transaction (opening one when none is): readers see it after
   * {@link #commit}. When it fails, the whole open transaction is undone.
   */
  void append(HistoryBatch batch);

  /** Commits the open transaction, if any. */
  void commit();

  /** Writes {@code batch} in a transaction of its own (with anything appended before it). */
  default void write(HistoryBatch batch) {
    append(batch);
    commit();
  }

  /** Every host the store holds anything for. */
  List<String> hostIds();

  /**
   * Deletes {@code hostId}'s raw samples older than {@code rawBeforeMs}, and its rollups, events
   * and alert transitions older than {@code rollupBeforeMs}; returns the rows deleted.
   */
  int sweepHost(String hostId, long rawBeforeMs, long rollupBeforeMs);

  /** True when the store holds anything for {@code hostId}. */
  boolean knowsHost(String hostId);

  /** The series of {@code hostId} that still have data; empty for an unknown host. */
  List<SeriesInfo> series(String hostId);

  /** Raw values of one sensor from {@code fromMs} to {@code toMs} inclusive, oldest first. */
  List<RawPoint> raw(String hostId, String sensorId, long fromMs, long toMs, int limit);

  /** Minutes of one sensor starting from {@code fromMs} to {@code toMs} inclusive, oldest first. */
  List<RollupPoint> rollups(String hostId, String sensorId, long fromMs, long toMs, int limit);

  /** Event bodies (JSON) matching {@code query}, newest first. */
  List<String> events(RecordQuery query);

  /** Alert bodies (JSON) of the transitions matching {@code query}, newest first. */
  List<String> alertTransitions(RecordQuery query);

  /** Closes the store; writes after this fail. */
  @Override
  void close();
}
