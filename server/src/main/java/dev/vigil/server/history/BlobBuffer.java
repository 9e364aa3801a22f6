package dev.vigil.server.history;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A growable little-endian buffer for the history's row blobs ({@link SampleBlob}, {@link
 * RollupBlob}): varints, floats and doubles; reused row after row. Not thread-safe (the writer).
 */
final class BlobBuffer {
  /** Most bytes a varint of a long takes. */
  static final int VARINT_MAX_BYTES = 10;

  private ByteBuffer buffer;

  BlobBuffer(int initialBytes) {
    buffer = ByteBuffer.allocate(initialBytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  void reset() {
    buffer.clear();
  }

  /** Makes room for {@code bytes} more. */
  void ensure(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer grown =
          ByteBuffer.allocate(buffer.capacity() * 2 + bytes).order(ByteOrder.LITTLE_ENDIAN);
      buffer.flip();
      grown.put(buffer);
      buffer = grown;
    }
  }

  void putVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      buffer.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    buffer.put((byte) v);
  }

  /** {@code value} as a 4-byte float when {@code asFloat}, else as an 8-byte double. */
  void putNumber(double value, boolean asFloat) {
    if (asFloat) {
      buffer.putFloat((float) value);
    } else {
      buffer.putDouble(value);
    }
  }

  /** What was written since the last reset. */
  byte[] toBytes() {
    byte[] out = new byte[buffer.position()];
    buffer.flip();
    buffer.get(out);
    return out;
  }

  /** Reads {@code blob} from its start. */
  static ByteBuffer reader(byte[] blob) {
    return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
  }

  static long readVarint(ByteBuffer in) {
    long value = 0;
    int shift = 0;
    while (true) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
    }
  }

  /** True when {@code value} is exactly a float (NaN included). */
  static boolean isFloat(double value) {
    return (float) value == value || Double.isNaN(value);
  }
}
