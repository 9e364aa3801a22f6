package dev.vigil.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The batch's bytes, read back by Java-WebSocket's own client-side frame parser. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FrameBatchTest {

  @Test
  void batchHoldsOneTextFramePerMessageInOrderAtEveryLengthEncoding() throws Exception {
    List<String> texts =
        List.of(
            "",
            "x".repeat(125),
            "y".repeat(126),
            "z".repeat(65_535),
            "w".repeat(65_536),
            "CPU 85 °C — 🌡 ünïcödé");
    FrameBatch batch = new FrameBatch();
    texts.forEach(batch::add);

    List<Framedata> frames = parse(batch.seal().frames());

    assertThat(frames).hasSize(texts.size());
    List<String> read = new ArrayList<>();
    for (Framedata f : frames) {
      assertThat(f.getOpcode()).isEqualTo(Opcode.TEXT);
      assertThat(f.isFin()).isTrue();
      read.add(StandardCharsets.UTF_8.decode(f.getPayloadData()).toString());
    }
    assertThat(read).isEqualTo(texts);
  }

  @Test
  void everyPeerGetsItsOwnViewOfTheSameFrames() {
    FrameBatch batch = new FrameBatch();
    batch.add("{\"v\":1}");
    batch.seal();

    ByteBuffer first = batch.frames();
    first.position(first.limit());
    ByteBuffer second = batch.frames();

    assertThat(second.position()).isZero();
    assertThat(second.remaining()).isEqualTo(batch.frameBytes());
  }

  @Test
  void sealedBatchRefusesMoreMessages() {
    FrameBatch batch = new FrameBatch();
    batch.add("a");
    batch.seal();

    assertThatThrownBy(() -> batch.add("b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void batchNotYetSealedCannotBeSent() {
    FrameBatch batch = new FrameBatch();
    batch.add("a");

    assertThatThrownBy(batch::frames).isInstanceOf(IllegalStateException.class);
  }

  private static List<Framedata> parse(ByteBuffer bytes) throws Exception {
    Draft_6455 client = new Draft_6455();
    client.setParseMode(Role.CLIENT);
    return client.translateFrame(bytes);
  }
}
