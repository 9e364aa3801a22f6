package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import java.util.List;

/**
 * Where detectors send observations while the engine evaluates one sample: each is applied to the
 * {@link AlertBook} at once, in order. Lets a detector skip building an observation that cannot
 * change anything. Not thread-safe: the relay's core thread owns it.
 */
public final class ObservationSink {
  private final AlertBook book;
  private long nowMs;
  private List<Alert> changes;

  /** A host known to have no open alert, until an observation is applied; {@code null} if none. */
  private String quietHostId;

  ObservationSink(AlertBook book) {
    this.book = book;
  }

  /**
   * Starts an evaluation about {@code hostId} at {@code nowMs}, collecting into {@code changes}.
   */
  void begin(String hostId, long nowMs, List<Alert> changes) {
    this.nowMs = nowMs;
    this.changes = changes;
    this.quietHostId = book.hasOpen(hostId) ? null : hostId;
  }

  /**
   * Whether an observation of {@code key} with this verdict can change anything: it triggers, or an
   * alert is open (pending or firing) for {@code key}. When not, the detector need not build it.
   */
  public boolean matters(AlertKey key, boolean triggered) {
    if (triggered) {
      return true;
    }
    if (key.hostId().equals(quietHostId)) {
      return false;
    }
    return book.isOpen(key);
  }

  /** Applies {@code observation} to the book now. */
  public void add(Observation observation) {
    quietHostId = null;
    book.apply(observation, nowMs, changes);
  }
}
