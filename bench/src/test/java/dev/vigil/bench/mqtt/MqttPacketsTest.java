package dev.vigil.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MqttPacketsTest {
  /** A packet as the stream decoder hands it over. */
  record Packet(int type, int flags, byte[] body) {}

  private static List<Packet> decode(byte[] stream, int chunk) throws MqttException {
    List<Packet> packets = new ArrayList<>();
    MqttStreamDecoder decoder = new MqttStreamDecoder();
    for (int at = 0; at < stream.length; at += chunk) {
      decoder.feed(
          stream,
          at,
          Math.min(chunk, stream.length - at),
          (type, flags, body, off, len) ->
              packets.add(new Packet(type, flags, Arrays.copyOfRange(body, off, off + len))));
    }
    assertThat(decoder.pendingBytes()).isZero();
    return packets;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void connectIsMqtt311WithCleanSessionAndKeepAlive() {
    assertThat(MqttPackets.connect("ab", 60))
        .containsExactly(bytes(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 2, 'a', 'b'));
  }

  @Test
  void subscribeAsksForQos0WithTheReservedFlags() {
    assertThat(MqttPackets.subscribe(1, "a/#"))
        .containsExactly(bytes(0x82, 8, 0, 1, 0, 3, 'a', '/', '#', 0));
  }

  @Test
  void pingreqAndDisconnectAreTwoBytes() {
    assertThat(MqttPackets.pingreq()).containsExactly(bytes(0xC0, 0));
    assertThat(MqttPackets.disconnect()).containsExactly(bytes(0xE0, 0));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1",
    "127, 1",
    "128, 2",
    "16383, 2",
    "16384, 3",
    "2097151, 3",
    "2097152, 4",
    "268435455, 4"
  })
  void remainingLengthUsesSevenBitsPerByte(int value, int size) throws MqttException {
    byte[] field = new byte[4];
    int end = MqttPackets.writeRemainingLength(field, 0, value);

    assertThat(end).isEqualTo(size);
    int decoded = 0;
    for (int i = size - 1; i >= 0; i--) {
      decoded = (decoded << 7) | (field[i] & 0x7F);
    }
    assertThat(decoded).isEqualTo(value);
  }

  @Test
  void remainingLengthAboveTheMaximumIsRefused() {
    assertThatThrownBy(() -> MqttPackets.remainingLengthBytes(268_435_456))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishHeaderAndPayloadDecodeToTopicAndPayload() throws MqttException {
    byte[] payload = "{\"x\":1}".repeat(30).getBytes(StandardCharsets.US_ASCII);
    byte[] header = MqttPackets.publishHeader("agents/bench-7", payload.length);
    byte[] packet = new byte[header.length + payload.length];
    System.arraycopy(header, 0, packet, 0, header.length);
    System.arraycopy(payload, 0, packet, header.length, payload.length);

    List<Packet> packets = decode(packet, packet.length);

    assertThat(packets).hasSize(1);
    Packet p = packets.get(0);
    assertThat(p.type()).isEqualTo(MqttPackets.PUBLISH);
    int at = MqttPackets.publishPayloadOffset(p.flags(), p.body(), 0, p.body().length);
    assertThat(new String(p.body(), 2, at - 2, StandardCharsets.UTF_8)).isEqualTo("agents/bench-7");
    assertThat(Arrays.copyOfRange(p.body(), at, p.body().length)).isEqualTo(payload);
  }

  @Test
  void streamDecoderSplitsPacketsThatShareAndSpanChunks() throws MqttException {
    byte[] stream = bytes(0x20, 2, 0, 0, 0x90, 3, 0, 1, 0, 0xD0, 0, 0x30, 5, 0, 1, 't', 'h', 'i');

    List<Packet> packets = decode(stream, 3);

    assertThat(packets)
        .extracting(Packet::type)
        .containsExactly(
            MqttPackets.CONNACK, MqttPackets.SUBACK, MqttPackets.PINGRESP, MqttPackets.PUBLISH);
  }

  @Test
  void connackAndSubackReturnCodesAreRead() throws MqttException {
    assertThat(MqttPackets.connackReturnCode(bytes(0, 5), 0, 2)).isEqualTo(5);
    assertThat(MqttPackets.subackReturnCode(bytes(0, 1, 0x80), 0, 3))
        .isEqualTo(MqttPackets.SUBSCRIPTION_FAILURE);
  }

  @Test
  void publishWhoseTopicOverrunsItsBodyIsRejected() {
    byte[] body = bytes(0, 50, 'a');

    assertThatThrownBy(() -> MqttPackets.publishPayloadOffset(0, body, 0, body.length))
        .isInstanceOf(MqttException.class)
        .hasMessageContaining("overruns");
  }

  @Test
  void remainingLengthOfFiveBytesIsRejected() {
    byte[] stream = bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);

    assertThatThrownBy(() -> decode(stream, stream.length))
        .isInstanceOf(MqttException.class)
        .hasMessageContaining("longer than 4 bytes");
  }
}
