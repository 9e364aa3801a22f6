package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class MessageCodecRoundTripTest {
  private final MessageCodec codec = MessageCodec.forInbound();

  static Stream<Message> everyMessage() {
    return ProtocolExamples.everyMessage().stream();
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void everyMessageSurvivesEncodeThenDecode(Message message) {
    String json = codec.encode(new Envelope(Protocol.VERSION, 42, message));

    DecodeResult result = codec.decode(json);

    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    Envelope envelope = ((DecodeResult.Decoded) result).envelope();
    assertThat(envelope.body()).isEqualTo(message);
    assertThat(envelope.seq()).isEqualTo(42);
    assertThat(envelope.version()).isEqualTo(Protocol.VERSION);
  }

  @Test
  void examplesCoverEveryMessageType() {
    Set<MessageType> covered =
        ProtocolExamples.everyMessage().stream().map(Message::type).collect(Collectors.toSet());

    assertThat(covered).isEqualTo(EnumSet.allOf(MessageType.class));
  }

  @Test
  void encodingPutsTypeAndVersionInTheEnvelope() {
    String json = codec.encode(new Ping(7, 1000));

    assertThat(json)
        .isEqualTo("{\"v\":1,\"type\":\"ping\",\"body\":{\"nonce\":7,\"sentAtMs\":1000}}");
  }

  @Test
  void enumsTravelUnderTheirWireNames() {
    DeviceEvent event =
        new DeviceEvent(
            "h1",
            5,
            EventKind.DEVICE_ADDED,
            new Device("usb:0781:5581:X", DeviceKind.USB, "SanDisk", Map.of()),
            null);

    String json = codec.encode(event);

    assertThat(json).contains("\"kind\":\"device.added\"").contains("\"kind\":\"usb\"");
  }

  @Test
  void optionalFieldsMayBeLeftOut() {
    String json =
        "{\"v\":1,\"type\":\"hello\",\"body\":{\"role\":\"agent\",\"token\":\"t\","
            + "\"peerId\":\"p\",\"name\":\"n\",\"softwareVersion\":\"0.1\"}}";

    DecodeResult result = codec.decode(json);

    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    Hello hello = (Hello) ((DecodeResult.Decoded) result).envelope().body();
    assertThat(hello.labels()).isEmpty();
    assertThat(hello.isSimulated()).isFalse();
  }

  @Test
  void unknownExtraFieldsAreIgnoredForForwardCompatibility() {
    String json =
        "{\"v\":1,\"type\":\"ping\",\"future\":true,\"body\":{\"nonce\":1,\"sentAtMs\":2,\"x\":3}}";

    assertThat(codec.decode(json)).isInstanceOf(DecodeResult.Decoded.class);
  }

  @Test
  void sampleValuesKeepFullDoublePrecision() {
    Sample sample = new Sample("h", 1, Map.of("cpu.voltage", 1.2345678901234));

    DecodeResult result = codec.decode(codec.encode(sample));

    Sample back = (Sample) ((DecodeResult.Decoded) result).envelope().body();
    assertThat(back.values()).containsEntry("cpu.voltage", 1.2345678901234);
  }

  @Test
  void listsInMessagesAreImmutable() {
    SensorCatalog catalog = (SensorCatalog) ProtocolExamples.byType(MessageType.CATALOG);

    assertThat(catalog.sensors()).isInstanceOf(List.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.sensors().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
