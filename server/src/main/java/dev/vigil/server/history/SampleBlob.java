package dev.vigil.server.history;

import java.nio.ByteBuffer;

/**
 * The compact encoding of one sample's values in a raw row: for each value, a varint of the
 * sensor's index times two, plus one when the value is exactly a float, then the value as a 4-byte
 * float or an 8-byte double (little-endian). Integral readings (fan speeds, bytes) and readings in
 * quarters of a degree take 5 bytes instead of 9.
 */
final class SampleBlob {
  private static final int FLOAT_FLAG = 1;

  /** Builds one blob; reuse it for the next sample after {@link #toBytes}. */
  static final class Writer {
    private final BlobBuffer buffer = new BlobBuffer(256);

    void reset() {
      buffer.reset();
    }

    void add(int sensorIndex, double value) {
      buffer.ensure(BlobBuffer.VARINT_MAX_BYTES + Double.BYTES);
      boolean exactFloat = BlobBuffer.isFloat(value);
      buffer.putVarint(((long) sensorIndex << 1) | (exactFloat ? FLOAT_FLAG : 0));
      buffer.putNumber(value, exactFloat);
    }

    byte[] toBytes() {
      return buffer.toBytes();
    }
  }

  private SampleBlob() {}

  /** The value of sensor {@code sensorIndex} in {@code blob}, or NaN when it has none. */
  static double find(byte[] blob, int sensorIndex) {
    ByteBuffer in = BlobBuffer.reader(blob);
    while (in.hasRemaining()) {
      long key = BlobBuffer.readVarint(in);
      boolean isFloat = (key & FLOAT_FLAG) != 0;
      if ((key >>> 1) == sensorIndex) {
        return isFloat ? in.getFloat() : in.getDouble();
      }
      in.position(in.position() + (isFloat ? Float.BYTES : Double.BYTES));
    }
    return Double.NaN;
  }

  /** True when {@code blob} has a value for sensor {@code sensorIndex}. */
  static boolean contains(byte[] blob, int sensorIndex) {
    return !Double.isNaN(find(blob, sensorIndex));
  }
}
