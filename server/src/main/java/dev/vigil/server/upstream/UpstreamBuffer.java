package dev.vigil.server.upstream;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every numbered message forwarded to the central relay and not yet acknowledged by it, per host,
 * bounded in total across hosts. Each host's {@link Backlog} holds its messages in stream order,
 * split into those written to the current link and those still to write. When the total would pass
 * the bound, the oldest message of all hosts is dropped and counted: central then sees a jump in
 * that host's numbers, as it would from an agent whose own buffer overflowed. Sizes are counted in
 * UTF-16 characters of the encoded JSON, which for the protocol's ASCII text is its size in bytes.
 * Owned by the relay's core thread; not thread-safe.
 */
final class UpstreamBuffer {
  /** Gone entries tolerated in the arrival queue, at least, before it is compacted. */
  private static final int COMPACT_MIN = 1024;

  private static final Logger log = LoggerFactory.getLogger(UpstreamBuffer.class);

  /** One forwarded message; {@code gone} once acknowledged or dropped. */
  private static final class Entry {
    final Backlog owner;
    final long seq;
    final String text;
    boolean gone;

    Entry(Backlog owner, long seq, String text) {
      this.owner = owner;
      this.seq = seq;
      this.text = text;
    }
  }

  private final long capacity;

  /** Every entry in arrival order, across hosts, for dropping the oldest; gone ones linger. */
  private final ArrayDeque<Entry> arrivals = new ArrayDeque<>();

  private long bytes;
  private long live;
  private long dropped;

  /**
   * @param capacity most characters held across every host
   */
  UpstreamBuffer(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** A new, empty backlog for {@code hostId}. */
  Backlog backlog(String hostId) {
    return new Backlog(hostId);
  }

  /** Characters held across every host. */
  long bytes() {
    return bytes;
  }

  /** Messages dropped because the buffer was full, since the relay started. */
  long dropped() {
    return dropped;
  }

  private void added(Entry e) {
    arrivals.add(e);
    bytes += e.text.length();
    live++;
    while (bytes > capacity) {
      Entry oldest = arrivals.poll();
      if (oldest == null) {
        break;
      }
      if (!oldest.gone) {
        oldest.owner.dropOldest();
        dropped++;
        // Every drop is counted; the log says so at 1, 2, 4, 8, ... to stay readable.
        if (Long.bitCount(dropped) == 1) {
          log.warn(
              "Upstream buffer full ({} of {} characters): dropped #{} of host '{}' that the"
                  + " central relay had not acknowledged; {} dropped since start",
              bytes,
              capacity,
              oldest.seq,
              oldest.owner.hostId,
              dropped);
        }
      }
    }
  }

  private void removed(Entry e) {
    e.gone = true;
    bytes -= e.text.length();
    live--;
    long gone = arrivals.size() - live;
    if (gone > COMPACT_MIN && gone > live) {
      arrivals.removeIf(x -> x.gone);
    }
  }

  /** One host's unacknowledged messages, oldest first. */
  final class Backlog {
    private final String hostId;
    private ArrayDeque<Entry> written = new ArrayDeque<>();
    private ArrayDeque<Entry> unwritten = new ArrayDeque<>();

    private Backlog(String hostId) {
      this.hostId = hostId;
    }

    /** Keeps message {@code seq} (higher than any held) until central acknowledges it. */
    void append(long seq, String text) {
      Entry e = new Entry(this, seq, text);
      unwritten.add(e);
      added(e);
    }

    /** The encoded text of the oldest message not written to the current link, or null. */
    String nextUnwritten() {
      Entry e = unwritten.peekFirst();
      return e == null ? null : e.text;
    }

    /** The message {@link #nextUnwritten} returned was written. */
    void markWritten() {
      written.add(unwritten.pollFirst());
    }

    /** Forgets everything numbered up to {@code upToSeq}: central holds it. */
    void acknowledge(long upToSeq) {
      dropThrough(written, upToSeq);
      dropThrough(unwritten, upToSeq);
    }

    /**
     * A new link: everything held is to be written again, except what central says it holds ({@code
     * heldByCentral}).
     */
    void rewind(long heldByCentral) {
      written.addAll(unwritten);
      unwritten = written;
      written = new ArrayDeque<>();
      acknowledge(heldByCentral);
    }

    /** Forgets everything (the host's stream started again). */
    void clear() {
      acknowledge(Long.MAX_VALUE);
    }

    /** Messages held. */
    int size() {
      return written.size() + unwritten.size();
    }

    /** Messages held and not written to the current link. */
    int unwrittenCount() {
      return unwritten.size();
    }

    private void dropOldest() {
      Entry e = written.isEmpty() ? unwritten.pollFirst() : written.pollFirst();
      if (e != null) {
        removed(e);
      }
    }

    private void dropThrough(ArrayDeque<Entry> queue, long upToSeq) {
      while (!queue.isEmpty() && queue.peekFirst().seq <= upToSeq) {
        removed(queue.pollFirst());
      }
    }
  }
}
