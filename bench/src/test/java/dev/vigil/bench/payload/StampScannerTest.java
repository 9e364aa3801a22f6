package dev.vigil.bench.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StampScannerTest {
  private final StampScanner scanner = new StampScanner();

  private Stamp scan(String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    Stamp stamp = new Stamp();
    assertThat(scanner.scan(b, 0, b.length, stamp)).as("stamps found in %s", message).isTrue();
    return stamp;
  }

  @Test
  void findsTheStampsInTheBytesAsSent() {
    SampleTemplate template = SampleTemplate.forAgent(731);
    template.stamp(12, 98_765_432L, 1_700_000_000_000L);

    Stamp stamp = scan(template.toString());

    assertThat(stamp.agent).isEqualTo(731);
    assertThat(stamp.scheduledUs).isEqualTo(98_765_432L);
    assertThat(stamp.seq).isEqualTo(12);
  }

  @Test
  void findsTheStampsAfterTheRelayReencodesThemAsDoubles() {
    MessageCodec codec = MessageCodec.forInbound();
    SampleTemplate template = SampleTemplate.forAgent(5);
    template.stamp(3, 123_456_789_012L, 1_700_000_000_000L);
    DecodeResult.Decoded decoded = (DecodeResult.Decoded) codec.decode(template.toString());
    String relayed = codec.encode(decoded.envelope().body());

    Stamp stamp = scan(relayed);

    assertThat(relayed).contains("\"bench.sched_us\":1.23456789012E11");
    assertThat(stamp.agent).isEqualTo(5);
    assertThat(stamp.scheduledUs).isEqualTo(123_456_789_012L);
    assertThat(stamp.seq).isEqualTo(3);
  }

  @Test
  void findsStampsThatComeBeforeTheHostIdWhenARelayReordersKeys() {
    Stamp stamp =
        scan("{\"values\":{\"bench.seq\":9,\"bench.sched_us\":4.5E3},\"hostId\":\"bench-17\"}");

    assertThat(stamp.agent).isEqualTo(17);
    assertThat(stamp.scheduledUs).isEqualTo(4_500);
    assertThat(stamp.seq).isEqualTo(9);
  }

  @Test
  void messageWithoutStampsIsNotADelivery() {
    byte[] host =
        "{\"v\":1,\"type\":\"host\",\"body\":{\"hostId\":\"bench-4\",\"state\":\"online\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(scanner.scan(host, 0, host.length, new Stamp())).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "'42', 42",
    "'   42,', 42",
    "'42.0', 42",
    "'1.2345678E7', 12345678",
    "'1.5e+3}', 1500",
    "'4200e-2', 42",
    "'42.5', -1",
    "'-3', -1",
    "'1e', -1",
    "'9999999999999999999', -1"
  })
  void parsesOnlyWholeNonNegativeNumbers(String text, long expected) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(StampScanner.parseWholeNumber(b, 0, b.length)).isEqualTo(expected);
  }
}
