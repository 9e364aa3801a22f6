package dev.vigil.bench.payload;

import java.nio.charset.StandardCharsets;

/**
 * Finds the stamps of a {@link SampleTemplate} in a delivered message with a byte scan, not a JSON
 * parse. Works on the bytes as sent and on the relay's re-encoding, where values come back as JSON
 * doubles ({@code 12.0}, {@code 1.2345678E7}) in any order. Stateless; thread-safe.
 */
public final class StampScanner {
  private static final byte[] HOST_KEY =
      ("\"hostId\":\"" + BenchSensors.HOST_ID_PREFIX).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SCHEDULED_KEY =
      ("\"" + SampleTemplate.SCHEDULED_US_KEY + "\":").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ_KEY =
      ("\"" + SampleTemplate.SEQ_KEY + "\":").getBytes(StandardCharsets.US_ASCII);

  /** Powers of ten that fit in a long. */
  private static final long[] POWERS_OF_TEN = new long[19];

  /** Most significant digits read into a long before precision is lost. */
  private static final int MAX_DIGITS = 18;

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /**
   * Fills {@code out} from {@code b[off..off+len)}.
   *
   * @return true when the message carries all three stamps (agent, scheduled time, sequence)
   */
  public boolean scan(byte[] b, int off, int len, Stamp out) {
    int end = off + len;
    int host = indexOf(b, off, end, HOST_KEY);
    if (host < 0) {
      return false;
    }
    long agent = parseWholeNumber(b, host + HOST_KEY.length, end);
    if (agent < 0 || agent > Integer.MAX_VALUE) {
      return false;
    }
    int scheduled = indexAfter(b, off, host + HOST_KEY.length, end, SCHEDULED_KEY);
    if (scheduled < 0) {
      return false;
    }
    long scheduledUs = parseWholeNumber(b, scheduled + SCHEDULED_KEY.length, end);
    int seq = indexAfter(b, off, scheduled + SCHEDULED_KEY.length, end, SEQ_KEY);
    if (scheduledUs < 0 || seq < 0) {
      return false;
    }
    long seqValue = parseWholeNumber(b, seq + SEQ_KEY.length, end);
    if (seqValue < 0) {
      return false;
    }
    out.agent = (int) agent;
    out.scheduledUs = scheduledUs;
    out.seq = seqValue;
    return true;
  }

  /**
   * Index of {@code key} (which occurs at most once) in {@code b[off..end)}, looked for first from
   * {@code from} on, where it sits in the bytes as sent, then before it (a re-encoding may reorder
   * keys): the receive path's hot loop then reads each message about once instead of three times.
   */
  static int indexAfter(byte[] b, int off, int from, int end, byte[] key) {
    int at = indexOf(b, from, end, key);
    return at >= 0 ? at : indexOf(b, off, Math.min(end, from + key.length - 1), key);
  }

  /** First index of {@code key} in {@code b[from..end)}, or -1. */
  static int indexOf(byte[] b, int from, int end, byte[] key) {
    byte first = key[0];
    int last = end - key.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (b[i] != first) {
        continue;
      }
      for (int j = 1; j < key.length; j++) {
        if (b[i + j] != key[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Reads a non-negative JSON number at {@code p} (after optional spaces) that is a whole number:
   * {@code 42}, {@code 42.0}, {@code 4.2E1}. Returns -1 if there is none, it has a fraction, or it
   * does not fit in a long.
   */
  static long parseWholeNumber(byte[] b, int p, int end) {
    while (p < end && b[p] == ' ') {
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    int start = p;
    while (p < end && isDigit(b[p])) {
      if (++digits > MAX_DIGITS) {
        return -1;
      }
      mantissa = mantissa * 10 + (b[p++] - '0');
    }
    if (p == start) {
      return -1;
    }
    if (p < end && b[p] == '.') {
      p++;
      int fractionStart = p;
      while (p < end && isDigit(b[p])) {
        if (++digits > MAX_DIGITS) {
          return -1;
        }
        mantissa = mantissa * 10 + (b[p++] - '0');
        fractionDigits++;
      }
      if (p == fractionStart) {
        return -1;
      }
    }
    int exponent = 0;
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      boolean negative = false;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        negative = b[p++] == '-';
      }
      int exponentStart = p;
      while (p < end && isDigit(b[p])) {
        exponent = exponent * 10 + (b[p++] - '0');
        if (exponent > MAX_DIGITS * 2) {
          return -1;
        }
      }
      if (p == exponentStart) {
        return -1;
      }
      exponent = negative ? -exponent : exponent;
    }
    int scale = exponent - fractionDigits;
    if (scale >= 0) {
      if (scale >= POWERS_OF_TEN.length || mantissa > Long.MAX_VALUE / POWERS_OF_TEN[scale]) {
        return -1;
      }
      return mantissa * POWERS_OF_TEN[scale];
    }
    if (-scale >= POWERS_OF_TEN.length) {
      return mantissa == 0 ? 0 : -1;
    }
    long divisor = POWERS_OF_TEN[-scale];
    return mantissa % divisor == 0 ? mantissa / divisor : -1;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
