package dev.vigil.bench.payload;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of one agent's {@code sample} message, built once and re-stamped in place before every
 * send, so sending allocates nothing. The stamps ({@code seq}, {@code timestampMs}, {@code
 * bench.sched_us}, {@code bench.seq}) sit in fixed-width fields, right-aligned after spaces (JSON
 * allows whitespace before a value), so the length never changes. The two {@code bench.*} values
 * are not in the catalog: they are measurement stamps, not sensors. Not thread-safe.
 */
public final class SampleTemplate {
  /** Width of the sequence fields: up to 10^10 - 1 sends per agent. */
  public static final int SEQ_WIDTH = 10;

  /** Width of the epoch-milliseconds field (13 digits until the year 2286). */
  public static final int TIMESTAMP_WIDTH = 13;

  /** Width of the scheduled-time field, microseconds since harness start (over 30 years). */
  public static final int SCHEDULED_US_WIDTH = 15;

  /** Key of the scheduled send time, in microseconds since the harness started. */
  public static final String SCHEDULED_US_KEY = "bench.sched_us";

  /** Key of the per-agent sequence number, from 1. */
  public static final String SEQ_KEY = "bench.seq";

  private final byte[] bytes;
  private final int envelopeSeqAt;
  private final int timestampAt;
  private final int scheduledAt;
  private final int benchSeqAt;

  private SampleTemplate(String json, String marker) {
    int envelopeSeq = json.indexOf(marker + "E");
    int timestamp = json.indexOf(marker + "T");
    int scheduled = json.indexOf(marker + "S");
    int seq = json.indexOf(marker + "Q");
    this.bytes = json.getBytes(StandardCharsets.UTF_8);
    // The markers are ASCII and every character before them is ASCII: char index == byte index.
    this.envelopeSeqAt = envelopeSeq;
    this.timestampAt = timestamp;
    this.scheduledAt = scheduled;
    this.benchSeqAt = seq;
  }

  /** The template of agent {@code agentIndex}, stamped with zeros. */
  public static SampleTemplate forAgent(int agentIndex) {
    String marker = "@";
    StringBuilder sb = new StringBuilder(640);
    sb.append("{\"v\":1,\"type\":\"sample\",\"seq\":").append(field(marker + "E", SEQ_WIDTH));
    sb.append(",\"body\":{\"hostId\":\"").append(BenchSensors.hostId(agentIndex)).append('"');
    sb.append(",\"timestampMs\":").append(field(marker + "T", TIMESTAMP_WIDTH));
    sb.append(",\"values\":{");
    for (BenchSensors.Reading r : BenchSensors.READINGS) {
      sb.append('"').append(r.id()).append("\":");
      sb.append(BenchSensors.valueOn(r, agentIndex)).append(',');
    }
    sb.append('"').append(SCHEDULED_US_KEY).append("\":");
    sb.append(field(marker + "S", SCHEDULED_US_WIDTH));
    sb.append(",\"").append(SEQ_KEY).append("\":").append(field(marker + "Q", SEQ_WIDTH));
    sb.append("}}}");
    SampleTemplate template = new SampleTemplate(sb.toString(), marker);
    template.stamp(0, 0, 0);
    return template;
  }

  private static String field(String marker, int width) {
    return marker + " ".repeat(width - marker.length());
  }

  /** Writes the stamps of one send into the bytes. */
  public void stamp(long seq, long scheduledUs, long timestampMs) {
    writeRightAligned(bytes, envelopeSeqAt, SEQ_WIDTH, seq);
    writeRightAligned(bytes, timestampAt, TIMESTAMP_WIDTH, timestampMs);
    writeRightAligned(bytes, scheduledAt, SCHEDULED_US_WIDTH, scheduledUs);
    writeRightAligned(bytes, benchSeqAt, SEQ_WIDTH, seq);
  }

  /** The message bytes (UTF-8 JSON); valid until the next {@link #stamp}. */
  public byte[] bytes() {
    return bytes;
  }

  /** The message length in bytes; the same after every stamp. */
  public int length() {
    return bytes.length;
  }

  /** The message as text, for tests and logs. */
  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Writes {@code value} right-aligned in {@code width} bytes at {@code off}, spaces before. */
  static void writeRightAligned(byte[] dst, int off, int width, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("stamp must not be negative: " + value);
    }
    int p = off + width - 1;
    long v = value;
    do {
      if (p < off) {
        throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
      }
      dst[p--] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v > 0);
    while (p >= off) {
      dst[p--] = ' ';
    }
  }
}
