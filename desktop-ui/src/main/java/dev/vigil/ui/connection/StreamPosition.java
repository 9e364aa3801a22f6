package dev.vigil.ui.connection;

import dev.vigil.protocol.Coalesced;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;

/**
 * Where this dashboard stands in the relay's numbered stream, so that a reconnect resumes it: the
 * stream's epoch and the last number received. Numbered messages at or below that number are
 * duplicates and dropped; a jump past the next number is a gap, unless the relay said it coalesced
 * those numbers away ({@link Coalesced}: older samples dropped while this dashboard was behind).
 * Links follow one another, but their threads differ, so access is synchronized.
 */
final class StreamPosition {
  /** What to do with one received envelope. */
  sealed interface Verdict {
    /** Pass it on. */
    record Deliver() implements Verdict {}

    /** Already had it: drop it. */
    record Duplicate(long seq) implements Verdict {}

    /** Numbers were skipped: report the gap, then pass the message on. */
    record Skipped(Gap gap) implements Verdict {}
  }

  private static final Verdict DELIVER = new Verdict.Deliver();

  private String epoch;
  private long lastSeq;

  /** Numbers up to this one may be skipped: the relay coalesced them away (dropped samples). */
  private long coalescedThrough;

  /** {@code hello}, asking to resume when a stream was received before. */
  synchronized Hello hello(Hello hello) {
    return epoch == null ? hello : hello.withResume(epoch, lastSeq);
  }

  /**
   * Takes the relay's answer: a resumed stream goes on from the last number; otherwise a snapshot
   * will say where the stream stands.
   */
  synchronized void welcomed(Welcome welcome) {
    if (welcome.streamEpoch() == null) {
      epoch = null;
      lastSeq = 0;
      coalescedThrough = 0;
      return;
    }
    if (!welcome.isResumed() || !welcome.streamEpoch().equals(epoch)) {
      lastSeq = 0;
      coalescedThrough = 0;
    }
    epoch = welcome.streamEpoch();
  }

  /** Judges one envelope and moves the position past it. */
  synchronized Verdict accept(Envelope envelope) {
    long seq = envelope.seq();
    if (envelope.body() instanceof Snapshot) {
      lastSeq = seq;
      return DELIVER;
    }
    if (envelope.body() instanceof Coalesced coalesced) {
      coalescedThrough = Math.max(coalescedThrough, coalesced.throughSeq());
      return DELIVER;
    }
    if (seq == 0 || epoch == null) {
      return DELIVER;
    }
    if (seq <= lastSeq) {
      return new Verdict.Duplicate(seq);
    }
    long expected = lastSeq + 1;
    long had = lastSeq;
    lastSeq = seq;
    if (seq > expected && seq - 1 > coalescedThrough) {
      return new Verdict.Skipped(
          new Gap(
              had,
              seq - 1,
              seq - expected,
              "messages #" + expected + " to #" + (seq - 1) + " never arrived"));
    }
    return DELIVER;
  }

  /** The last number received, 0 before any. */
  synchronized long lastSeq() {
    return lastSeq;
  }

  /** The stream's epoch, null before a relay numbered one. */
  synchronized String epoch() {
    return epoch;
  }
}
