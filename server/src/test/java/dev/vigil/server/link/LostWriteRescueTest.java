package dev.vigil.server.link;

import static dev.vigil.server.support.TestRelays.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Pong;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.RecordingLinkListener;
import dev.vigil.server.support.TestRelays;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A frame that lost its write demand (the race in Java-WebSocket's selector, which cannot be timed
 * from a test) is still sent. The tests put a real server connection in exactly the state the race
 * leaves: a frame in the connection's queue, the link reported as written to, and the selector
 * asked to read only.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LostWriteRescueTest {
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final RecordingLinkListener listener = new RecordingLinkListener();
  private RelayWebSocketServer server;
  private ProtocolTestClient client;
  private WebSocketPeerLink link;

  @BeforeEach
  void connect() throws Exception {
    server = new RelayWebSocketServer(new InetSocketAddress("127.0.0.1", 0), codec, listener);
    server.startListening();
    client = ProtocolTestClient.connect(server.getPort());
    link = (WebSocketPeerLink) listener.awaitOpened(WAIT);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(1000, "test over");
  }

  @Test
  void aQueuedFrameWhoseWriteDemandWasLostIsStillSent() throws Exception {
    queueWithoutWriteDemand(new Pong(7, 1));

    server.lostWriteRescue().written(link);

    assertThat(client.awaitMessage(Pong.class, p -> p.nonce() == 7, WAIT).nonce()).isEqualTo(7);
    assertThat(server.lostWritesRescued()).isEqualTo(1);
  }

  @Test
  void aLinkWhoseFramesWereWrittenIsLeftAloneAndNoLongerWatched() throws Exception {
    LostWriteRescue rescue =
        new LostWriteRescue(server::onWriteDemand); // not started: checked here
    WebSocketPeerLink watchedLink = new WebSocketPeerLink(link.impl(), rescue);

    watchedLink.send(codec.encode(new Pong(8, 1)));
    client.awaitMessage(Pong.class, p -> p.nonce() == 8, WAIT);
    // The selector takes a written frame off the queue just after writing it (and the peer may
    // have it first): wait for that, as a check runs long after.
    TestRelays.awaitTrue("the queue written empty", () -> link.impl().outQueue.isEmpty());

    assertThat(rescue.check()).as("written: nothing to rescue").isZero();
    assertThat(watchedLink.watch()).as("no longer watched, so watchable again").isTrue();
  }

  @Test
  void aCheckFindsTheLostFrameOnce() throws Exception {
    LostWriteRescue rescue =
        new LostWriteRescue(server::onWriteDemand); // not started: checked here
    WebSocketPeerLink watchedLink = new WebSocketPeerLink(link.impl(), rescue);
    queueWithoutWriteDemand(new Pong(9, 1));
    rescue.written(watchedLink);

    assertThat(rescue.check()).isEqualTo(1);
    client.awaitMessage(Pong.class, p -> p.nonce() == 9, WAIT);
    rescue.check(); // the link stayed watched while its frame was on its way out
    assertThat(rescue.check()).isZero();
    assertThat(rescue.rescued()).isEqualTo(1);
  }

  /**
   * Puts {@code pong} in the connection's queue as the lost race leaves it: the selector done with
   * the queue (asked to read only), the frame queued after that, no write demand.
   */
  private void queueWithoutWriteDemand(Pong pong) throws InterruptedException {
    WebSocketImpl conn = link.impl();
    TestRelays.awaitTrue(
        "the selector asked to read only (the handshake written)",
        () -> (conn.getSelectionKey().interestOps() & SelectionKey.OP_WRITE) == 0);
    FrameBatch frame = new FrameBatch();
    frame.add(codec.encode(pong));
    conn.outQueue.offer(frame.seal().frames());
  }
}
