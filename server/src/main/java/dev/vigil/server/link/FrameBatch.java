package dev.vigil.server.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Messages bound for many peers, collected between two flushes. Over WebSocket every message stays
 * its own text frame, but the frames are built once, back to back in one buffer, so each peer gets
 * them in one write instead of one write per message. Not thread-safe: one owner fills it, and
 * after {@link #seal()} it is read-only and may be shared.
 */
public final class FrameBatch {
  private static final int FIN_TEXT = 0x81;
  private static final int SHORT_LENGTH_MAX = 125;
  private static final int MEDIUM_LENGTH_MARK = 126;
  private static final int LONG_LENGTH_MARK = 127;
  private static final int INITIAL_CAPACITY = 4096;

  private final List<String> texts = new ArrayList<>();
  private byte[] frames = new byte[INITIAL_CAPACITY];
  private int length;
  private boolean sealed;

  /** Appends one message as one unmasked text frame (server to client, RFC 6455 §5.2). */
  public void add(String text) {
    add(text, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #add(String)} for a caller that already holds the text's UTF-8 bytes. */
  public void add(String text, byte[] payload) {
    if (sealed) {
      throw new IllegalStateException("batch already sealed");
    }
    int n = payload.length;
    ensure(10 + n);
    frames[length++] = (byte) FIN_TEXT;
    if (n <= SHORT_LENGTH_MAX) {
      frames[length++] = (byte) n;
    } else if (n <= 0xFFFF) {
      frames[length++] = (byte) MEDIUM_LENGTH_MARK;
      frames[length++] = (byte) (n >>> 8);
      frames[length++] = (byte) n;
    } else {
      frames[length++] = (byte) LONG_LENGTH_MARK;
      for (int shift = 56; shift >= 0; shift -= 8) {
        frames[length++] = (byte) ((long) n >>> shift);
      }
    }
    System.arraycopy(payload, 0, frames, length, n);
    length += n;
    texts.add(text);
  }

  /** Stops further additions; the frames may now be shared between peers and threads. */
  public FrameBatch seal() {
    sealed = true;
    return this;
  }

  public boolean isEmpty() {
    return texts.isEmpty();
  }

  /** Number of messages in the batch. */
  public int messageCount() {
    return texts.size();
  }

  /** Bytes of all frames together. */
  public int frameBytes() {
    return length;
  }

  /** The messages, in order, for transports that do not use WebSocket frames. */
  public List<String> texts() {
    return Collections.unmodifiableList(texts);
  }

  /**
   * A fresh view of the frames, positioned at the start; one per peer. Views share the bytes:
   * callers read them, never write.
   */
  ByteBuffer frames() {
    if (!sealed) {
      throw new IllegalStateException("seal the batch before sending it");
    }
    return ByteBuffer.wrap(frames, 0, length);
  }

  private void ensure(int extra) {
    if (length + extra > frames.length) {
      byte[] grown = new byte[Math.max(frames.length * 2, length + extra)];
      System.arraycopy(frames, 0, grown, 0, length);
      frames = grown;
    }
  }
}
