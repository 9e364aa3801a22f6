package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MessageCodecRejectionTest {
  private final MessageCodec codec = new MessageCodec(4096);

  private DecodeResult.Failed fail(String json) {
    DecodeResult result = codec.decode(json);
    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    return (DecodeResult.Failed) result;
  }

  @Test
  void brokenJsonIsMalformed() {
    DecodeResult.Failed f = fail("{\"v\":1,\"type\":\"ping\",");

    assertThat(f.error()).isEqualTo(DecodeError.MALFORMED_JSON);
    assertThat(f.closeCode()).isEqualTo(CloseCodes.MALFORMED);
  }

  @Test
  void lenientJsonIsMalformed() {
    DecodeResult.Failed f = fail("{v:1,'type':'ping',body:{nonce:1,sentAtMs:2}}");

    assertThat(f.error()).isEqualTo(DecodeError.MALFORMED_JSON);
  }

  @Test
  void trailingDataAfterTheObjectIsMalformed() {
    DecodeResult.Failed f =
        fail("{\"v\":1,\"type\":\"ping\",\"body\":{\"nonce\":1,\"sentAtMs\":2}} {}");

    assertThat(f.error()).isEqualTo(DecodeError.MALFORMED_JSON);
  }

  @Test
  void aJsonArrayIsMalformed() {
    assertThat(fail("[1,2]").error()).isEqualTo(DecodeError.MALFORMED_JSON);
  }

  @Test
  void messageOverTheLimitIsTooLargeBeforeParsing() {
    String big = "{\"v\":1,\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}";

    DecodeResult.Failed f = fail(big);

    assertThat(f.error()).isEqualTo(DecodeError.TOO_LARGE);
    assertThat(f.detail()).contains("exceeds the limit of 4096");
    assertThat(f.closeCode()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
  }

  @Test
  void multiByteCharactersCountInBytesAgainstTheLimit() {
    String body = "é".repeat(2100); // 2100 chars, 4200 UTF-8 bytes
    DecodeResult.Failed f = fail("{\"v\":1,\"type\":\"ping\",\"pad\":\"" + body + "\"}");

    assertThat(f.error()).isEqualTo(DecodeError.TOO_LARGE);
  }

  @Test
  void unknownVersionIsUnsupported() {
    DecodeResult.Failed f =
        fail("{\"v\":99,\"type\":\"ping\",\"body\":{\"nonce\":1,\"sentAtMs\":2}}");

    assertThat(f.error()).isEqualTo(DecodeError.UNSUPPORTED_VERSION);
    assertThat(f.detail()).contains("99");
    assertThat(f.closeCode()).isEqualTo(CloseCodes.UNSUPPORTED_VERSION);
  }

  @Test
  void missingVersionIsAMissingField() {
    DecodeResult.Failed f = fail("{\"type\":\"ping\",\"body\":{\"nonce\":1,\"sentAtMs\":2}}");

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).contains("'v'");
  }

  @Test
  void unknownTypeIsNamed() {
    DecodeResult.Failed f = fail("{\"v\":1,\"type\":\"teleport\",\"body\":{}}");

    assertThat(f.error()).isEqualTo(DecodeError.UNKNOWN_TYPE);
    assertThat(f.detail()).contains("teleport");
    assertThat(f.closeCode()).isEqualTo(CloseCodes.UNKNOWN_TYPE);
  }

  @Test
  void missingRequiredFieldIsNamedWithItsPath() {
    DecodeResult.Failed f =
        fail("{\"v\":1,\"type\":\"sample\",\"body\":{\"timestampMs\":1,\"values\":{}}}");

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).isEqualTo("missing required field 'sample.hostId'");
    assertThat(f.closeCode()).isEqualTo(CloseCodes.INVALID_FIELD);
  }

  @Test
  void missingPrimitiveFieldIsNotReadAsZero() {
    DecodeResult.Failed f = fail("{\"v\":1,\"type\":\"ping\",\"body\":{\"nonce\":1}}");

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).contains("ping.sentAtMs");
  }

  @Test
  void missingFieldInANestedRecordIsNamedWithItsPath() {
    String json =
        "{\"v\":1,\"type\":\"catalog\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
            + "\"sensors\":[{\"id\":\"a\",\"rawLabel\":\"A\",\"kind\":\"fan\",\"source\":\"oshi\"}]}}";

    DecodeResult.Failed f = fail(json);

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).contains("catalog.sensors[0].unit");
  }

  @Test
  void missingBodyIsAMissingField() {
    DecodeResult.Failed f = fail("{\"v\":1,\"type\":\"ping\"}");

    assertThat(f.error()).isEqualTo(DecodeError.MISSING_FIELD);
    assertThat(f.detail()).contains("body");
  }

  @Test
  void unknownEnumValueIsAnInvalidField() {
    String json =
        "{\"v\":1,\"type\":\"hello\",\"body\":{\"role\":\"overlord\",\"token\":\"t\","
            + "\"peerId\":\"p\",\"name\":\"n\",\"softwareVersion\":\"0.1\"}}";

    DecodeResult.Failed f = fail(json);

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
    assertThat(f.detail()).contains("overlord").contains("hello.role");
  }

  @Test
  void wrongJsonTypeIsAnInvalidField() {
    DecodeResult.Failed f =
        fail(
            "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":\"soon\","
                + "\"values\":{}}}");

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
    assertThat(f.detail()).contains("sample.timestampMs").contains("number");
  }

  @Test
  void nonNumericSampleValueIsAnInvalidField() {
    DecodeResult.Failed f =
        fail(
            "{\"v\":1,\"type\":\"sample\",\"body\":{\"hostId\":\"h\",\"timestampMs\":1,"
                + "\"values\":{\"cpu.load\":\"high\"}}}");

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
    assertThat(f.detail()).contains("sample.values.cpu.load");
  }

  @Test
  void fractionalSequenceNumberIsAnInvalidField() {
    DecodeResult.Failed f =
        fail("{\"v\":1,\"type\":\"ping\",\"seq\":1.5,\"body\":{\"nonce\":1,\"sentAtMs\":2}}");

    assertThat(f.error()).isEqualTo(DecodeError.INVALID_FIELD);
  }

  @Test
  void nullInputIsMalformedNotAnException() {
    assertThat(fail(null).error()).isEqualTo(DecodeError.MALFORMED_JSON);
  }

  @Test
  void deeplyNestedGarbageNeverThrows() {
    String deep = "[".repeat(1000) + "]".repeat(1000);

    assertThat(fail(deep).error()).isEqualTo(DecodeError.MALFORMED_JSON);
  }
}
