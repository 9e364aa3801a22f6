package dev.vigil.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
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
class WsFramesTest {
  private static final int MASK = 0x37FA213D;

  /** Everything a decoder handed over, as (opcode, payload) pairs. */
  static final class Collected implements FrameHandler {
    final List<Integer> opcodes = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    final List<Long> oversized = new ArrayList<>();

    @Override
    public void onFrame(int opcode, byte[] data, int offset, int length) {
      opcodes.add(opcode);
      payloads.add(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void onOversized(int opcode, long length) {
      oversized.add(length);
    }
  }

  private static byte[] payload(int length) {
    byte[] p = new byte[length];
    for (int i = 0; i < length; i++) {
      p[i] = (byte) (i * 7 + 3);
    }
    return p;
  }

  private static byte[] clientFrame(int opcode, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(WsFrames.clientFrameLength(payload.length));
    WsFrames.writeClientFrame(out, opcode, MASK, payload);
    assertThat(out.hasRemaining()).isFalse();
    return out.array();
  }

  @ParameterizedTest
  @CsvSource({"125, 2, 125", "126, 4, 126", "65535, 4, 126", "65536, 10, 127"})
  void clientFrameUsesTheShortestLengthEncodingAndSetsTheMaskBit(
      int length, int lengthFieldEnd, int marker) {
    byte[] frame = clientFrame(WsFrames.OP_BINARY, payload(length));

    assertThat(frame[0] & 0xFF).isEqualTo(0x80 | WsFrames.OP_BINARY);
    assertThat(frame[1] & 0x80).isEqualTo(0x80);
    assertThat(frame[1] & 0x7F).isEqualTo(marker);
    long encoded = lengthFieldEnd == 2 ? marker : 0;
    for (int i = 2; i < lengthFieldEnd; i++) {
      encoded = (encoded << 8) | (frame[i] & 0xFF);
    }
    assertThat(encoded).isEqualTo(length);
    assertThat(frame).hasSize(lengthFieldEnd + 4 + length);
  }

  @Test
  void clientFramePayloadIsXoredWithTheMaskKey() {
    byte[] text = "hello, relay".getBytes(StandardCharsets.US_ASCII);
    byte[] frame = clientFrame(WsFrames.OP_TEXT, text);

    byte[] key = Arrays.copyOfRange(frame, 2, 6);
    assertThat(key).containsExactly(0x37, 0xFA - 256, 0x21, 0x3D);
    for (int i = 0; i < text.length; i++) {
      assertThat((byte) (frame[6 + i] ^ key[i & 3])).isEqualTo(text[i]);
    }
    assertThat(frame[6]).isNotEqualTo(text[0]);
  }

  @ParameterizedTest
  @CsvSource({"0", "125", "126", "65536"})
  void decoderRecoversMaskedFramesOfEveryLengthEncoding(int length) throws Exception {
    byte[] body = payload(length);
    Collected got = new Collected();

    new WsFrameDecoder(1 << 20)
        .feed(clientFrame(WsFrames.OP_BINARY, body), 0, WsFrames.clientFrameLength(length), got);

    assertThat(got.opcodes).containsExactly(WsFrames.OP_BINARY);
    assertThat(got.payloads.get(0)).isEqualTo(body);
  }

  @Test
  void decoderJoinsFramesFedOneByteAtATime() throws Exception {
    byte[] a = serverFrame(true, WsFrames.OP_TEXT, payload(300));
    byte[] b = serverFrame(true, WsFrames.OP_PING, payload(4));
    byte[] stream = concat(a, b);
    WsFrameDecoder decoder = new WsFrameDecoder();
    Collected got = new Collected();

    for (int i = 0; i < stream.length; i++) {
      decoder.feed(stream, i, 1, got);
    }

    assertThat(got.opcodes).containsExactly(WsFrames.OP_TEXT, WsFrames.OP_PING);
    assertThat(got.payloads.get(0)).isEqualTo(payload(300));
    assertThat(decoder.pendingBytes()).isZero();
  }

  @Test
  void decoderReassemblesAFragmentedMessageAroundAControlFrame() throws Exception {
    byte[] stream =
        concat(
            serverFrame(false, WsFrames.OP_TEXT, "ab".getBytes(StandardCharsets.US_ASCII)),
            serverFrame(true, WsFrames.OP_PING, new byte[0]),
            serverFrame(true, WsFrames.OP_CONTINUATION, "cd".getBytes(StandardCharsets.US_ASCII)));
    Collected got = new Collected();

    new WsFrameDecoder().feed(stream, 0, stream.length, got);

    assertThat(got.opcodes).containsExactly(WsFrames.OP_PING, WsFrames.OP_TEXT);
    assertThat(new String(got.payloads.get(1), StandardCharsets.US_ASCII)).isEqualTo("abcd");
  }

  @Test
  void decoderSkipsAMessageOverItsLimitAndDecodesTheNextOne() throws Exception {
    byte[] stream =
        concat(
            serverFrame(true, WsFrames.OP_TEXT, payload(5000)),
            serverFrame(true, WsFrames.OP_TEXT, payload(10)));
    WsFrameDecoder decoder = new WsFrameDecoder(1000);
    Collected got = new Collected();

    decoder.feed(stream, 0, 2000, got);
    decoder.feed(stream, 2000, stream.length - 2000, got);

    assertThat(got.oversized).containsExactly(5000L);
    assertThat(got.payloads).hasSize(1);
    assertThat(got.payloads.get(0)).isEqualTo(payload(10));
  }

  @Test
  void decoderRejectsAControlFrameLongerThan125Bytes() {
    byte[] frame = {(byte) (0x80 | WsFrames.OP_PING), 126, 0, 126};

    assertThatThrownBy(() -> new WsFrameDecoder().feed(frame, 0, frame.length, new Collected()))
        .isInstanceOf(WsProtocolException.class)
        .hasMessageContaining("control frame payload of 126 bytes");
  }

  @Test
  void encoderRefusesAControlFrameLongerThan125Bytes() {
    ByteBuffer out = ByteBuffer.allocate(200);

    assertThatThrownBy(() -> WsFrames.writeClientFrame(out, WsFrames.OP_PONG, MASK, payload(126)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** An unmasked frame as a server sends it. */
  static byte[] serverFrame(boolean fin, int opcode, byte[] body) {
    int header = WsFrames.headerLength(body.length, false);
    byte[] frame = new byte[header + body.length];
    frame[0] = (byte) ((fin ? 0x80 : 0) | opcode);
    if (body.length <= 125) {
      frame[1] = (byte) body.length;
    } else if (body.length <= 0xFFFF) {
      frame[1] = 126;
      frame[2] = (byte) (body.length >>> 8);
      frame[3] = (byte) body.length;
    } else {
      frame[1] = 127;
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) body.length >>> (56 - 8 * i));
      }
    }
    System.arraycopy(body, 0, frame, header, body.length);
    return frame;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
