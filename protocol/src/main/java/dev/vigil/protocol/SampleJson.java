package dev.vigil.protocol;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * The hot path of {@link MessageCodec} for {@code sample}, the message every agent sends every
 * second and the relay forwards to every dashboard: a streaming reader and a direct writer instead
 * of the tree, the schema check and reflective binding. Both are exact stand-ins: {@link #encode}
 * writes the very text the general encoder writes, and {@link #tryDecode} accepts only messages in
 * the canonical shape (fields in the order the encoder writes them, nothing unknown, nothing null,
 * no repeated name) and returns null for anything else, which the general decoder then judges, with
 * its precise error if there is one. Thread-safe: no state.
 */
final class SampleJson {
  private static final String SAMPLE = MessageType.SAMPLE.wireName();
  private static final int EXPECTED_VALUES = 32;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SampleJson() {}

  /** The envelope's JSON text, character for character what the general encoder writes. */
  static String encode(int version, long seq, Sample sample) {
    StringBuilder sb = new StringBuilder(64 + 40 * sample.values().size());
    sb.append("{\"v\":").append(version).append(",\"type\":\"").append(SAMPLE).append('"');
    if (seq != 0) {
      sb.append(",\"seq\":").append(seq);
    }
    sb.append(",\"body\":{\"hostId\":");
    string(sb, sample.hostId());
    sb.append(",\"timestampMs\":").append(sample.timestampMs()).append(",\"values\":{");
    boolean first = true;
    for (Map.Entry<String, Double> e : sample.values().entrySet()) {
      double value = e.getValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "JSON forbids NaN and infinities: sensor '" + e.getKey() + "' is " + value);
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':').append(value);
    }
    return sb.append("}}}").toString();
  }

  /**
   * The envelope if {@code text} is a canonical, valid {@code sample}; null if it is anything else
   * (another type, another field order, an unknown or null field, bad JSON), for the general
   * decoder to judge.
   */
  static Envelope tryDecode(String text) {
    if (!text.startsWith("{\"v\":")) {
      return null;
    }
    try (JsonReader in = new JsonReader(new StringReader(text))) {
      in.setStrictness(Strictness.STRICT);
      in.beginObject();
      if (!"v".equals(in.nextName())) {
        return null;
      }
      Long version = wholeNumber(in);
      if (version == null || version != Protocol.VERSION) {
        return null;
      }
      if (!"type".equals(in.nextName())
          || in.peek() != JsonToken.STRING
          || !SAMPLE.equals(in.nextString())) {
        return null;
      }
      String name = in.nextName();
      long seq = 0;
      if ("seq".equals(name)) {
        Long s = wholeNumber(in);
        if (s == null) {
          return null;
        }
        seq = s;
        name = in.nextName();
      }
      if (!"body".equals(name)) {
        return null;
      }
      Sample sample = body(in);
      if (sample == null) {
        return null;
      }
      in.endObject();
      if (in.peek() != JsonToken.END_DOCUMENT) {
        return null;
      }
      return new Envelope(Protocol.VERSION, seq, sample);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Sample body(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      return null;
    }
    in.beginObject();
    if (!"hostId".equals(in.nextName()) || in.peek() != JsonToken.STRING) {
      return null;
    }
    String hostId = in.nextString();
    if (!"timestampMs".equals(in.nextName())) {
      return null;
    }
    Long timestampMs = wholeNumber(in);
    if (timestampMs == null
        || !"values".equals(in.nextName())
        || in.peek() != JsonToken.BEGIN_OBJECT) {
      return null;
    }
    Map<String, Double> values = new HashMap<>(EXPECTED_VALUES);
    in.beginObject();
    while (in.hasNext()) {
      String sensorId = in.nextName();
      if (in.peek() != JsonToken.NUMBER) {
        return null;
      }
      if (values.put(sensorId, in.nextDouble()) != null) {
        return null;
      }
    }
    in.endObject();
    if (in.hasNext()) {
      return null;
    }
    in.endObject();
    return new Sample(hostId, timestampMs, values);
  }

  /** A number literal that is a whole number fitting a long, or null. */
  private static Long wholeNumber(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.NUMBER) {
      return null;
    }
    String literal = in.nextString();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
        return null;
      }
    }
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Writes a JSON string as Gson does without HTML escaping. */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    int last = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String replacement;
      if (c < 0x20) {
        replacement = control(c);
      } else if (c == '"') {
        replacement = "\\\"";
      } else if (c == '\\') {
        replacement = "\\\\";
      } else if (c == '\u2028') {
        replacement = "\\u2028";
      } else if (c == '\u2029') {
        replacement = "\\u2029";
      } else {
        continue;
      }
      sb.append(s, last, i).append(replacement);
      last = i + 1;
    }
    sb.append(s, last, n).append('"');
  }

  private static String control(char c) {
    switch (c) {
      case '\t':
        return "\\t";
      case '\b':
        return "\\b";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\f':
        return "\\f";
      default:
        return "\\u00" + HEX[c >> 4] + HEX[c & 0xF];
    }
  }
}
