package dev.vigil.bench.ws;

import java.nio.ByteBuffer;

/**
 * RFC 6455 opcodes and the client-side frame encoder: every frame a client sends is masked (RFC
 * 6455 §5.3). Stateless; thread-safe.
 */
public final class WsFrames {
  public static final int OP_CONTINUATION = 0x0;
  public static final int OP_TEXT = 0x1;
  public static final int OP_BINARY = 0x2;
  public static final int OP_CLOSE = 0x8;
  public static final int OP_PING = 0x9;
  public static final int OP_PONG = 0xA;

  /** Largest payload of a control frame (close, ping, pong). */
  public static final int MAX_CONTROL_PAYLOAD_BYTES = 125;

  /** Largest header: 2 bytes, 8 bytes of extended length, 4 bytes of mask key. */
  public static final int MAX_HEADER_BYTES = 14;

  static final int FIN_BIT = 0x80;
  static final int MASK_BIT = 0x80;
  static final int RSV_BITS = 0x70;
  static final int OPCODE_BITS = 0x0F;
  static final int LENGTH_BITS = 0x7F;

  /** Payload lengths up to this fit in the 7-bit length field. */
  static final int MAX_7BIT_LENGTH = 125;

  /** Length-field marker: a 16-bit length follows. */
  static final int LENGTH_16BIT_MARKER = 126;

  /** Length-field marker: a 64-bit length follows. */
  static final int LENGTH_64BIT_MARKER = 127;

  static final int MAX_16BIT_LENGTH = 0xFFFF;

  private static final byte[] EMPTY = new byte[0];

  private WsFrames() {}

  /** True for close, ping and pong. */
  public static boolean isControl(int opcode) {
    return (opcode & 0x8) != 0;
  }

  /** Bytes of the header of a frame with this payload length. */
  public static int headerLength(long payloadLength, boolean masked) {
    int length = 2 + (masked ? 4 : 0);
    if (payloadLength > MAX_16BIT_LENGTH) {
      return length + 8;
    }
    return payloadLength > MAX_7BIT_LENGTH ? length + 2 : length;
  }

  /** Bytes of a whole masked frame whose payload is {@code payloadLength} bytes. */
  public static int clientFrameLength(int payloadLength) {
    return headerLength(payloadLength, true) + payloadLength;
  }

  /** Writes one final, masked client frame whose payload is {@code payload}. */
  public static void writeClientFrame(ByteBuffer dst, int opcode, int maskKey, byte[] payload) {
    writeClientFrame(dst, opcode, maskKey, EMPTY, 0, 0, payload, 0, payload.length);
  }

  /**
   * Writes one final, masked client frame whose payload is {@code a[aOff..aOff+aLen)} followed by
   * {@code b[bOff..bOff+bLen)}, so a prefix (an MQTT header) and a body need no copy first.
   *
   * @param dst a heap buffer with at least {@link #clientFrameLength} bytes remaining
   * @param maskKey the 32-bit masking key
   */
  public static void writeClientFrame(
      ByteBuffer dst,
      int opcode,
      int maskKey,
      byte[] a,
      int aOff,
      int aLen,
      byte[] b,
      int bOff,
      int bLen) {
    int payloadLength = aLen + bLen;
    if (isControl(opcode) && payloadLength > MAX_CONTROL_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "control frame payload of " + payloadLength + " bytes exceeds 125");
    }
    int frameLength = clientFrameLength(payloadLength);
    if (dst.remaining() < frameLength) {
      throw new IllegalArgumentException(
          "frame of " + frameLength + " bytes does not fit in " + dst.remaining());
    }
    byte[] out = dst.array();
    int p = dst.arrayOffset() + dst.position();
    out[p++] = (byte) (FIN_BIT | opcode);
    if (payloadLength <= MAX_7BIT_LENGTH) {
      out[p++] = (byte) (MASK_BIT | payloadLength);
    } else if (payloadLength <= MAX_16BIT_LENGTH) {
      out[p++] = (byte) (MASK_BIT | LENGTH_16BIT_MARKER);
      out[p++] = (byte) (payloadLength >>> 8);
      out[p++] = (byte) payloadLength;
    } else {
      out[p++] = (byte) (MASK_BIT | LENGTH_64BIT_MARKER);
      long length = payloadLength;
      for (int shift = 56; shift >= 0; shift -= 8) {
        out[p++] = (byte) (length >>> shift);
      }
    }
    byte[] mask = {
      (byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey
    };
    System.arraycopy(mask, 0, out, p, 4);
    p += 4;
    int j = 0;
    for (int i = 0; i < aLen; i++, j++) {
      out[p++] = (byte) (a[aOff + i] ^ mask[j & 3]);
    }
    for (int i = 0; i < bLen; i++, j++) {
      out[p++] = (byte) (b[bOff + i] ^ mask[j & 3]);
    }
    dst.position(p - dst.arrayOffset());
  }
}
