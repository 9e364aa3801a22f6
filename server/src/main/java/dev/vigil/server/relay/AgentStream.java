package dev.vigil.server.relay;

import dev.vigil.protocol.Received;
import java.util.Objects;

/**
 * Where one host's numbered agent stream (samples and events) stands on the relay: its epoch, the
 * highest number held, and how much is not yet acknowledged. Numbers at or below the highest held
 * are duplicates (a replay after a lost acknowledgement) and are dropped; a jump says messages were
 * lost on the agent's side (its buffer overflowed). A stream is acknowledged when it has {@link
 * #RECEIVED_EVERY_MESSAGES} unacknowledged messages or its oldest unacknowledged one has waited an
 * acknowledgement interval, judged as messages arrive: agents send at their own moments, so the
 * acknowledgements spread over time instead of leaving in one burst per heartbeat. Owned by the
 * core thread; not thread-safe.
 */
final class AgentStream {
  /**
   * The relay acknowledges at least every this many messages (a replay is acknowledged as it goes).
   */
  static final int RECEIVED_EVERY_MESSAGES = 256;

  private String epoch;
  private long receivedSeq;
  private long unacknowledged;
  private long oldestUnacknowledgedNanos;
  private long duplicates;
  private long missing;

  /**
   * A connection declared {@code newEpoch}; a different epoch than before starts from nothing.
   *
   * @return the highest number held in that epoch, for the welcome (0 when none)
   */
  long join(String newEpoch) {
    if (!Objects.equals(epoch, newEpoch)) {
      epoch = newEpoch;
      receivedSeq = 0;
    }
    unacknowledged = 0;
    return epoch == null ? 0 : receivedSeq;
  }

  /**
   * Whether the message numbered {@code seq} is new. Unnumbered messages (0) and streams without an
   * epoch are always new: nothing to de-duplicate them by.
   */
  boolean admit(long seq, long nowNanos) {
    if (seq <= 0 || epoch == null) {
      return true;
    }
    if (seq <= receivedSeq) {
      duplicates++;
      return false;
    }
    if (receivedSeq > 0 && seq > receivedSeq + 1) {
      missing += seq - receivedSeq - 1;
    }
    receivedSeq = seq;
    if (unacknowledged++ == 0) {
      oldestUnacknowledgedNanos = nowNanos;
    }
    return true;
  }

  /**
   * True when an acknowledgement should go now: {@link #RECEIVED_EVERY_MESSAGES} are waiting, or
   * the oldest waiting one arrived at least {@code intervalNanos} ago.
   */
  boolean acknowledgementDue(long nowNanos, long intervalNanos) {
    return unacknowledged >= RECEIVED_EVERY_MESSAGES
        || unacknowledged > 0 && nowNanos - oldestUnacknowledgedNanos >= intervalNanos;
  }

  /** The acknowledgement of everything held; resets the count. */
  Received acknowledge() {
    unacknowledged = 0;
    return new Received(epoch, receivedSeq);
  }

  long receivedSeq() {
    return receivedSeq;
  }

  /** Duplicates dropped since the relay started. */
  long duplicates() {
    return duplicates;
  }

  /** Numbers that never arrived (skipped by the agent), since the relay started. */
  long missing() {
    return missing;
  }
}
