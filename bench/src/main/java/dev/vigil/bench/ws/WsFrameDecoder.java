package dev.vigil.bench.ws;

import java.util.Arrays;

/**
 * Incremental RFC 6455 frame decoder for one connection: feed it bytes as they arrive, it calls the
 * {@link FrameHandler} for each frame and keeps only an incomplete tail. Server frames are normally
 * unmasked; masked ones are unmasked in place. Data messages above {@code maxMessageBytes} (e.g. a
 * big snapshot) are skipped without being buffered. Not thread-safe.
 */
public final class WsFrameDecoder {
  /** Default largest data message handed to the handler, in bytes. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  private static final byte[] EMPTY = new byte[0];

  private final int maxMessageBytes;
  private byte[] pending = EMPTY;
  private int pendingLength;
  private long skipRemaining;
  private byte[] fragments = EMPTY;
  private int fragmentsLength;
  private int fragmentOpcode = -1;
  private boolean discardingFragments;

  public WsFrameDecoder(int maxMessageBytes) {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  public WsFrameDecoder() {
    this(DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** Bytes held back because they end in an incomplete frame. */
  public int pendingBytes() {
    return pendingLength;
  }

  /**
   * Decodes {@code src[off..off+len)}, which follows everything fed before. May modify {@code src}
   * (in-place unmasking).
   */
  public void feed(byte[] src, int off, int len, FrameHandler handler) throws WsProtocolException {
    if (pendingLength == 0) {
      int consumed = parse(src, off, len, handler);
      keep(src, off + consumed, len - consumed);
      return;
    }
    ensurePending(pendingLength + len);
    System.arraycopy(src, off, pending, pendingLength, len);
    int total = pendingLength + len;
    pendingLength = 0;
    int consumed = parse(pending, 0, total, handler);
    int rest = total - consumed;
    System.arraycopy(pending, consumed, pending, 0, rest);
    pendingLength = rest;
    if (rest == 0 && pending.length > DEFAULT_MAX_MESSAGE_BYTES / 16) {
      pending = EMPTY; // do not hold a big buffer on an idle connection
    }
  }

  private void keep(byte[] src, int from, int count) {
    if (count == 0) {
      return;
    }
    ensurePending(count);
    System.arraycopy(src, from, pending, 0, count);
    pendingLength = count;
  }

  private void ensurePending(int capacity) {
    if (pending.length < capacity) {
      pending = Arrays.copyOf(pending, Math.max(capacity, Math.min(2 * pending.length, 1 << 16)));
    }
  }

  private int parse(byte[] b, int off, int len, FrameHandler handler) throws WsProtocolException {
    int p = off;
    int end = off + len;
    while (p < end) {
      if (skipRemaining > 0) {
        int n = (int) Math.min(skipRemaining, end - p);
        p += n;
        skipRemaining -= n;
        continue;
      }
      int remaining = end - p;
      if (remaining < 2) {
        break;
      }
      int b0 = b[p] & 0xFF;
      int b1 = b[p + 1] & 0xFF;
      if ((b0 & WsFrames.RSV_BITS) != 0) {
        throw new WsProtocolException("reserved bits set without an extension: 0x" + hex(b0));
      }
      boolean fin = (b0 & WsFrames.FIN_BIT) != 0;
      int opcode = b0 & WsFrames.OPCODE_BITS;
      boolean masked = (b1 & WsFrames.MASK_BIT) != 0;
      int length7 = b1 & WsFrames.LENGTH_BITS;
      int extended =
          length7 == WsFrames.LENGTH_16BIT_MARKER
              ? 2
              : length7 == WsFrames.LENGTH_64BIT_MARKER ? 8 : 0;
      int header = 2 + extended + (masked ? 4 : 0);
      if (remaining < header) {
        break;
      }
      long payloadLength = length7;
      if (extended > 0) {
        payloadLength = 0;
        for (int i = 0; i < extended; i++) {
          payloadLength = (payloadLength << 8) | (b[p + 2 + i] & 0xFF);
        }
        if (payloadLength < 0) {
          throw new WsProtocolException("negative 64-bit payload length");
        }
      }
      checkOpcode(fin, opcode, payloadLength);
      if (!WsFrames.isControl(opcode) && tooLarge(opcode, payloadLength)) {
        if (!discardingFragments) {
          int messageOpcode = opcode == WsFrames.OP_CONTINUATION ? fragmentOpcode : opcode;
          handler.onOversized(messageOpcode, fragmentsLength + payloadLength);
        }
        resetFragments();
        discardingFragments = !fin;
        p += header;
        skipRemaining = payloadLength;
        continue;
      }
      if (remaining - header < payloadLength) {
        break;
      }
      int start = p + header;
      int length = (int) payloadLength;
      if (masked) {
        int maskAt = p + 2 + extended;
        for (int i = 0; i < length; i++) {
          b[start + i] ^= b[maskAt + (i & 3)];
        }
      }
      deliver(fin, opcode, b, start, length, handler);
      p = start + length;
    }
    return p - off;
  }

  private boolean tooLarge(int opcode, long payloadLength) {
    long total =
        opcode == WsFrames.OP_CONTINUATION ? fragmentsLength + payloadLength : payloadLength;
    return discardingFragments || total > maxMessageBytes;
  }

  private void checkOpcode(boolean fin, int opcode, long payloadLength) throws WsProtocolException {
    switch (opcode) {
      case WsFrames.OP_CLOSE, WsFrames.OP_PING, WsFrames.OP_PONG -> {
        if (!fin) {
          throw new WsProtocolException("fragmented control frame, opcode " + opcode);
        }
        if (payloadLength > WsFrames.MAX_CONTROL_PAYLOAD_BYTES) {
          throw new WsProtocolException(
              "control frame payload of " + payloadLength + " bytes exceeds 125");
        }
      }
      case WsFrames.OP_CONTINUATION -> {
        if (fragmentOpcode < 0 && !discardingFragments) {
          throw new WsProtocolException("continuation frame without a message to continue");
        }
      }
      case WsFrames.OP_TEXT, WsFrames.OP_BINARY -> {
        if (fragmentOpcode >= 0 || discardingFragments) {
          throw new WsProtocolException("new data frame inside a fragmented message");
        }
      }
      default -> throw new WsProtocolException("reserved opcode 0x" + hex(opcode));
    }
  }

  private void deliver(
      boolean fin, int opcode, byte[] b, int start, int length, FrameHandler handler) {
    if (WsFrames.isControl(opcode)) {
      handler.onFrame(opcode, b, start, length);
      return;
    }
    if (opcode != WsFrames.OP_CONTINUATION) {
      if (fin) {
        handler.onFrame(opcode, b, start, length);
        return;
      }
      fragmentOpcode = opcode;
    }
    if (fragments.length < fragmentsLength + length) {
      fragments =
          Arrays.copyOf(fragments, Math.max(fragmentsLength + length, 2 * fragments.length));
    }
    System.arraycopy(b, start, fragments, fragmentsLength, length);
    fragmentsLength += length;
    if (fin) {
      handler.onFrame(fragmentOpcode, fragments, 0, fragmentsLength);
      resetFragments();
    }
  }

  private void resetFragments() {
    fragmentOpcode = -1;
    fragmentsLength = 0;
    discardingFragments = false;
    if (fragments.length > DEFAULT_MAX_MESSAGE_BYTES / 16) {
      fragments = EMPTY;
    }
  }

  private static String hex(int value) {
    return Integer.toHexString(value);
  }
}
