package dev.vigil.server.history;

import java.util.List;

/**
 * What one transaction writes.
 *
 * @param samples raw samples, one row each
 * @param rollups minute aggregates, merged into rows already there
 * @param events device events
 * @param transitions alert transitions
 */
public record HistoryBatch(
    List<SampleRow> samples,
    List<Rollup> rollups,
    List<StoredEvent> events,
    List<StoredTransition> transitions) {

  /** Rows this batch writes. */
  public int rows() {
    return samples.size() + rollups.size() + events.size() + transitions.size();
  }
}
