package dev.vigil.server.history;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact encoding of one sample's values in a raw row: for each value, a varint of the
 * sensor's index times two, plus one when the value is exactly a float, then the value as a 4-byte
 * float or an 8-byte double (little-endian). Integral readings (fan speeds, bytes) and readings in
 * quarters of a degree take 5 bytes instead of 9.
 */
final class SampleBlob {
  private static final int FLOAT_FLAG = 1;
  private static final int VARINT_MAX_BYTES = 5;
  private static final int DOUBLE_BYTES = Double.BYTES;

  /** Builds one blob; reuse it for the next sample after {@link #toBytes}. */
  static final class Writer {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    void reset() {
      buffer.clear();
    }

    void add(int sensorIndex, double value) {
      ensure(VARINT_MAX_BYTES + DOUBLE_BYTES);
      float f = (float) value;
      boolean exactFloat = f == value || Double.isNaN(value);
      writeVarint((sensorIndex << 1) | (exactFloat ? FLOAT_FLAG : 0));
      if (exactFloat) {
        buffer.putFloat(f);
      } else {
        buffer.putDouble(value);
      }
    }

    byte[] toBytes() {
      byte[] out = new byte[buffer.position()];
      buffer.flip();
      buffer.get(out);
      return out;
    }

    private void writeVarint(int value) {
      int v = value;
      while ((v & ~0x7F) != 0) {
        buffer.put((byte) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      buffer.put((byte) v);
    }

    private void ensure(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer grown =
            ByteBuffer.allocate(buffer.capacity() * 2 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.flip();
        grown.put(buffer);
        buffer = grown;
      }
    }
  }

  private SampleBlob() {}

  /** The value of sensor {@code sensorIndex} in {@code blob}, or NaN when it has none. */
  static double find(byte[] blob, int sensorIndex) {
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    while (in.hasRemaining()) {
      int key = readVarint(in);
      boolean isFloat = (key & FLOAT_FLAG) != 0;
      if ((key >>> 1) == sensorIndex) {
        return isFloat ? in.getFloat() : in.getDouble();
      }
      in.position(in.position() + (isFloat ? Float.BYTES : DOUBLE_BYTES));
    }
    return Double.NaN;
  }

  /** True when {@code blob} has a value for sensor {@code sensorIndex}. */
  static boolean contains(byte[] blob, int sensorIndex) {
    return !Double.isNaN(find(blob, sensorIndex));
  }

  private static int readVarint(ByteBuffer in) {
    int value = 0;
    int shift = 0;
    while (true) {
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
    }
  }
}
