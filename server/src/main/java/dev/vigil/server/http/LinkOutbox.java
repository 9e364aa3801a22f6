package dev.vigil.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The relay's messages for one HTTP link, numbered 1, 2, 3, … in the order sent. A message is
 * <em>undelivered</em> until an events stream wrote it or a poll returned it, then
 * <em>retained</em> (the newest {@link HttpLinkLimits#SSE_RETAIN_BYTES}, and always the newest one)
 * so that a resume or a repeated poll can have it again, until the peer acknowledges it. Readers
 * wait on it for new messages, for the close, or to be replaced by a newer events stream.
 * Thread-safe: the core thread appends, request threads read.
 */
final class LinkOutbox {
  /** One numbered message. */
  record Entry(long n, String text, long bytes) {}

  /** How the link closed. */
  record Close(int code, String reason) {}

  /**
   * What a reader may write now.
   *
   * @param entries messages after the reader's position, in order (may be empty)
   * @param close how the link closed, when it has and {@code entries} reach its last message
   * @param gone true when messages after the reader's position were already dropped
   */
  record Take(List<Entry> entries, Close close, boolean gone) {}

  private static final int COMPACT_AT = 1024;

  private final ArrayList<Entry> held = new ArrayList<>();
  private int head;
  private long lastN;
  private long droppedThrough;
  private long deliveredThrough;
  private long heldBytes;
  private long undeliveredBytes;
  private Close close;
  private long streamGeneration;

  /**
   * Numbers and holds {@code texts} unless the link is closed (then they are dropped).
   *
   * @return bytes now held, undelivered and retained
   */
  synchronized long append(List<String> texts) {
    if (close == null && !texts.isEmpty()) {
      for (String text : texts) {
        long bytes = utf8Length(text);
        held.add(new Entry(++lastN, text, bytes));
        heldBytes += bytes;
        undeliveredBytes += bytes;
      }
      notifyAll();
    }
    return heldBytes;
  }

  /**
   * Closes: later appends are dropped and readers are woken to deliver the close.
   *
   * @param discardUndelivered drop what no reader got yet, as a dropped connection would
   * @return false when it was closed already
   */
  synchronized boolean close(int code, String reason, boolean discardUndelivered) {
    if (close != null) {
      return false;
    }
    close = new Close(code, reason);
    if (discardUndelivered) {
      while (lastN > deliveredThrough) {
        Entry last = held.remove(held.size() - 1);
        heldBytes -= last.bytes();
        undeliveredBytes -= last.bytes();
        lastN--;
      }
    }
    notifyAll();
    return true;
  }

  synchronized Close closed() {
    return close;
  }

  /**
   * Drops every message numbered {@code k} or lower: the peer has them.
   *
   * @return where the reader stands: {@code k}, or the last number sent if {@code k} is beyond it
   */
  synchronized long acknowledge(long k) {
    long upTo = Math.min(k, lastN);
    while (droppedThrough < upTo) {
      dropFirst();
    }
    if (deliveredThrough < droppedThrough) {
      deliveredThrough = droppedThrough;
    }
    compact();
    return upTo;
  }

  /** Records that a reader wrote every message up to {@code n}, then trims what is retained. */
  synchronized void delivered(long n) {
    long upTo = Math.min(n, lastN);
    while (deliveredThrough < upTo) {
      deliveredThrough++;
      undeliveredBytes -= entry(deliveredThrough).bytes();
    }
    while (heldBytes - undeliveredBytes > HttpLinkLimits.SSE_RETAIN_BYTES
        && droppedThrough + 1 < deliveredThrough) {
      dropFirst();
    }
    compact();
  }

  /**
   * The messages after {@code after}, up to {@code maxBytes} (at least one, if any).
   *
   * @param after the last number the reader has
   */
  synchronized Take take(long after, long maxBytes) {
    if (after < droppedThrough) {
      return new Take(List.of(), null, true);
    }
    List<Entry> entries = new ArrayList<>();
    long bytes = 0;
    long n = after + 1;
    for (; n <= lastN; n++) {
      Entry e = entry(n);
      if (!entries.isEmpty() && bytes + e.bytes() > maxBytes) {
        break;
      }
      entries.add(e);
      bytes += e.bytes();
    }
    return new Take(entries, n > lastN ? close : null, false);
  }

  /**
   * Waits until there is a message after {@code after}, the link closes, {@code timeoutMs} passes,
   * or (for an events stream, {@code generation} not negative) a newer stream replaced it.
   */
  synchronized void await(long after, long timeoutMs, long generation) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (lastN <= after
        && close == null
        && after >= droppedThrough
        && (generation < 0 || generation == streamGeneration)) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        return;
      }
      wait(leftMs);
    }
  }

  /** Starts a new events stream, replacing any older one; returns its generation. */
  synchronized long newStream() {
    streamGeneration++;
    notifyAll();
    return streamGeneration;
  }

  /** False once a newer events stream replaced the one of {@code generation}. */
  synchronized boolean isCurrent(long generation) {
    return generation == streamGeneration;
  }

  /** Messages no reader got yet. */
  synchronized int undeliveredCount() {
    return (int) (lastN - deliveredThrough);
  }

  /** UTF-8 bytes of the messages no reader got yet. */
  synchronized long undeliveredBytes() {
    return undeliveredBytes;
  }

  /** UTF-8 bytes of every message held, undelivered and retained. */
  synchronized long heldBytes() {
    return heldBytes;
  }

  private Entry entry(long n) {
    return held.get(head + (int) (n - droppedThrough - 1));
  }

  private void dropFirst() {
    Entry first = held.set(head++, null);
    droppedThrough++;
    heldBytes -= first.bytes();
    if (first.n() > deliveredThrough) {
      undeliveredBytes -= first.bytes();
    }
  }

  private void compact() {
    if (head >= COMPACT_AT && head * 2 >= held.size()) {
      held.subList(0, head).clear();
      head = 0;
    }
  }

  /** The UTF-8 length of {@code s}, without encoding it. */
  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
