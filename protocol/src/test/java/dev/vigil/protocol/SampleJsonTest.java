package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample hot path must be indistinguishable from the general codec, only faster. */
@Timeout(20)
class SampleJsonTest {
  private final MessageCodec codec = MessageCodec.forInbound();

  static Stream<Sample> samples() {
    Map<String, Double> odd = new LinkedHashMap<>();
    odd.put("quote\"d", 0.0);
    odd.put("back\\slash", -0.0);
    odd.put("tab\tnew\nline\r\f\b", 1e-7);
    odd.put("ctl\u0001\u001f", Double.MAX_VALUE);
    odd.put("sep\u2028\u2029", Double.MIN_VALUE);
    odd.put("ünïcödé °C 🌡", -273.15);
    odd.put("html<&>='", 6.442450944E9);
    odd.put("", 42.0);
    return Stream.of(
        new Sample("h1", 1_700_000_000_123L, Map.of("cpu.load", 12.5, "fan1", 1180.0)),
        new Sample("host \"with\" quotes\\", -5, odd),
        new Sample("", 0, Map.of()),
        new Sample("h2", Long.MAX_VALUE, Map.of("a", 1.0 / 3, "b", -1e300, "c", 123456789.0)));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleEncoderWritesExactlyWhatTheGeneralEncoderWrites(Sample sample) {
    for (long seq : new long[] {0, 1, 42, Long.MAX_VALUE, -3}) {
      Envelope envelope = new Envelope(Protocol.VERSION, seq, sample);

      assertThat(codec.encode(envelope)).isEqualTo(codec.encodeGeneral(envelope));
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleDecoderReadsWhatTheGeneralDecoderReads(Sample sample) {
    String text = codec.encode(new Envelope(Protocol.VERSION, 9, sample));

    Envelope fast = SampleJson.tryDecode(text);

    assertThat(fast).isNotNull();
    assertThat(new DecodeResult.Decoded(fast)).isEqualTo(codec.decodeGeneral(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"sample\",\"v\":1,\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"timestampMs\":1,\"hostId\":\"h\",\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{},"
            + "\"extra\":1}}",
        "{\"v\":1,\"type\":\"sample\",\"extra\":0,\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{\"a\":null}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{\"a\":1,\"a\":2}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{\"a\":\"1\"}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":null,\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1.5,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1e3,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"seq\":2.5,\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"seq\":null,\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{}}}",
        "{\"v\":1.0,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":2,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":1,\"type\":\"samples\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}} x",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}}{}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{\"a\":1e999}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"values\":{\"a\":NaN}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":'h',\"timestampMs\":1,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":[]}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":[]}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":"
            + "99999999999999999999,\"values\":{}}}",
        "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,\"values\":{}}",
        "{\"v\":1,\"type\":\"sample\"}",
        "{\"v\":1,\"type\":\"ping\",\"body\":{\"nonce\":1,\"sentAtMs\":2}}",
      })
  void anythingOutsideTheCanonicalShapeIsLeftToTheGeneralDecoder(String text) {
    assertThat(SampleJson.tryDecode(text)).isNull();
    assertThat(codec.decode(text)).isEqualTo(codec.decodeGeneral(text));
  }

  @Test
  void damagedSamplesDecodeExactlyAsTheGeneralDecoderDecodesThem() {
    String canonical =
        codec.encode(
            new Envelope(
                Protocol.VERSION,
                7,
                new Sample("h-1", 1_700_000_000_000L, Map.of("t", 54.25, "fan", 1180.0))));
    String alphabet = "{}[]\":,.-+eE0123456789 \\nultrfasv";
    Random random = new Random(20261121);
    List<String> damaged = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder(canonical);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(sb.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> sb.setCharAt(at, c);
          case 1 -> sb.insert(at, c);
          default -> sb.deleteCharAt(at);
        }
      }
      damaged.add(sb.toString());
    }

    for (String text : damaged) {
      assertThat(codec.decode(text)).as(text).isEqualTo(codec.decodeGeneral(text));
    }
  }

  @Test
  void sampleWithNaNCannotBeEncodedByEitherEncoder() {
    Envelope envelope = Envelope.of(new Sample("h", 1, Map.of("t", Double.NaN)));

    assertThatThrownBy(() -> codec.encode(envelope)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codec.encodeGeneral(envelope))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
