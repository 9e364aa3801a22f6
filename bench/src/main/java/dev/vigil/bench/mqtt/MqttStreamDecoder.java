package dev.vigil.bench.mqtt;

import java.util.Arrays;

/**
 * Splits the byte stream of one connection into MQTT packets. Over WebSocket a packet may span
 * frames and a frame may carry several packets, so bytes are fed as they come and an incomplete
 * tail is kept. Not thread-safe.
 */
public final class MqttStreamDecoder {
  /** Largest packet accepted, in bytes; the harness never expects more than a few KiB. */
  public static final int MAX_PACKET_BYTES = 1 << 20;

  private static final byte[] EMPTY = new byte[0];

  private byte[] pending = EMPTY;
  private int pendingLength;

  /** Decodes {@code src[off..off+len)}, which follows everything fed before. */
  public void feed(byte[] src, int off, int len, MqttPacketHandler handler) throws MqttException {
    if (pendingLength == 0) {
      int consumed = parse(src, off, len, handler);
      keep(src, off + consumed, len - consumed);
      return;
    }
    if (pending.length < pendingLength + len) {
      pending = Arrays.copyOf(pending, Math.max(pendingLength + len, 2 * pending.length));
    }
    System.arraycopy(src, off, pending, pendingLength, len);
    int total = pendingLength + len;
    pendingLength = 0;
    int consumed = parse(pending, 0, total, handler);
    System.arraycopy(pending, consumed, pending, 0, total - consumed);
    pendingLength = total - consumed;
  }

  /** Bytes held back because they end in an incomplete packet. */
  public int pendingBytes() {
    return pendingLength;
  }

  private void keep(byte[] src, int from, int count) {
    if (count == 0) {
      return;
    }
    if (pending.length < count) {
      pending = new byte[Math.max(count, 256)];
    }
    System.arraycopy(src, from, pending, 0, count);
    pendingLength = count;
  }

  private static int parse(byte[] b, int off, int len, MqttPacketHandler handler)
      throws MqttException {
    int p = off;
    int end = off + len;
    while (end - p >= 2) {
      int first = b[p] & 0xFF;
      int remaining = 0;
      int multiplier = 1;
      int q = p + 1;
      boolean complete = false;
      for (int i = 0; i < MqttPackets.MAX_REMAINING_LENGTH_BYTES && q < end; i++) {
        int digit = b[q++] & 0xFF;
        remaining += (digit & 0x7F) * multiplier;
        multiplier <<= 7;
        if ((digit & 0x80) == 0) {
          complete = true;
          break;
        }
        if (i == MqttPackets.MAX_REMAINING_LENGTH_BYTES - 1) {
          throw new MqttException("remaining length longer than 4 bytes");
        }
      }
      if (!complete) {
        break;
      }
      if (remaining > MAX_PACKET_BYTES) {
        throw new MqttException(
            "packet of " + remaining + " bytes exceeds the limit of " + MAX_PACKET_BYTES);
      }
      if (end - q < remaining) {
        break;
      }
      handler.onPacket(first >>> 4, first & 0x0F, b, q, remaining);
      p = q + remaining;
    }
    return p - off;
  }
}
