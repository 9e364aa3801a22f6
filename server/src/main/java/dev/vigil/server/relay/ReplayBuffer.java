package dev.vigil.server.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The newest numbered messages of the relay's dashboard stream, kept as their encoded UTF-8 text so
 * a dashboard that reconnects gets exactly what it missed. Bounded by bytes: appending past the
 * capacity drops the oldest messages. The bytes live off the Java heap in one ring, so holding tens
 * of megabytes of recent messages adds nothing for the garbage collector to trace or copy. Owned by
 * the core thread; not thread-safe.
 */
final class ReplayBuffer {
  private static final int INITIAL_INDEX = 1024;

  private final ByteBuffer ring;
  private final long capacityBytes;

  /** Ring positions (as ever-growing byte counts) of held messages, by sequence number. */
  private long[] starts = new long[INITIAL_INDEX];

  private int[] lengths = new int[INITIAL_INDEX];

  /** Sequence number of the oldest held message; {@code nextSeq} when none is held. */
  private long firstSeq = 1;

  /** Sequence number the next appended message must carry. */
  private long nextSeq = 1;

  /** Bytes ever written; the ring position is this modulo the capacity. */
  private long writtenBytes;

  /** Bytes ever written when the oldest held message began. */
  private long oldestStart;

  ReplayBuffer(int capacityBytes) {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("replay buffer needs a positive size: " + capacityBytes);
    }
    this.ring = ByteBuffer.allocateDirect(capacityBytes);
    this.capacityBytes = capacityBytes;
  }

  /**
   * Holds message {@code seq}, dropping the oldest ones it no longer has room for. A message larger
   * than the whole buffer empties it and is not held.
   */
  void append(long seq, byte[] utf8) {
    if (seq != nextSeq) {
      throw new IllegalArgumentException("expected #" + nextSeq + ", got #" + seq);
    }
    nextSeq = seq + 1;
    if (utf8.length > capacityBytes) {
      firstSeq = nextSeq;
      oldestStart = writtenBytes;
      return;
    }
    while (firstSeq < seq && writtenBytes + utf8.length - oldestStart > capacityBytes) {
      firstSeq++;
      oldestStart = firstSeq < seq ? starts[slot(firstSeq)] : writtenBytes;
    }
    if (firstSeq == seq) {
      oldestStart = writtenBytes;
    }
    ensureIndex();
    int slot = slot(seq);
    starts[slot] = writtenBytes;
    lengths[slot] = utf8.length;
    int position = (int) (writtenBytes % capacityBytes);
    int first = (int) Math.min(utf8.length, capacityBytes - position);
    ring.put(position, utf8, 0, first);
    if (first < utf8.length) {
      ring.put(0, utf8, first, utf8.length - first);
    }
    writtenBytes += utf8.length;
  }

  /** The last sequence number appended, 0 before any. */
  long lastSeq() {
    return nextSeq - 1;
  }

  /** The oldest sequence number still held; {@code lastSeq() + 1} when none is. */
  long firstSeq() {
    return firstSeq;
  }

  /**
   * True when every message after {@code lastSeq} is held (also when nothing followed it), so a
   * dashboard that had {@code lastSeq} can be brought up to date by replay alone.
   */
  boolean canReplayAfter(long lastSeq) {
    return lastSeq >= firstSeq - 1 && lastSeq <= lastSeq();
  }

  /** The text of held message {@code seq}. */
  String text(long seq) {
    if (seq < firstSeq || seq > lastSeq()) {
      throw new IllegalArgumentException(
          "#" + seq + " is not held (held: #" + firstSeq + " to #" + lastSeq() + ")");
    }
    int slot = slot(seq);
    int length = lengths[slot];
    byte[] bytes = new byte[length];
    int position = (int) (starts[slot] % capacityBytes);
    int first = (int) Math.min(length, capacityBytes - position);
    ring.get(position, bytes, 0, first);
    if (first < length) {
      ring.get(0, bytes, first, length - first);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Bytes the held messages take. */
  long heldBytes() {
    return writtenBytes - oldestStart;
  }

  private int slot(long seq) {
    return (int) (seq & (starts.length - 1));
  }

  /** Grows the index (a power of two) so the held messages plus the next fit without overlap. */
  private void ensureIndex() {
    long held = nextSeq - firstSeq;
    if (held <= starts.length) {
      return;
    }
    int size = starts.length;
    while (size < held) {
      size *= 2;
    }
    long[] newStarts = new long[size];
    int[] newLengths = new int[size];
    for (long seq = firstSeq; seq < nextSeq - 1; seq++) {
      int from = slot(seq);
      int to = (int) (seq & (size - 1));
      newStarts[to] = starts[from];
      newLengths[to] = lengths[from];
    }
    starts = newStarts;
    lengths = newLengths;
  }
}
