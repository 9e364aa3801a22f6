package dev.vigil.server.link;

import static dev.vigil.server.support.TestRelays.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Pong;
import dev.vigil.server.support.ProtocolTestClient;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A frame that lost its write demand (the race in Java-WebSocket's selector, which cannot be timed
 * from a test) is still sent. The test puts the server in exactly the state the race leaves: a
 * frame in the connection's queue while the selector is asked to read only.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LostWriteRescueTest {
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final CountDownLatch opened = new CountDownLatch(1);
  private RelayWebSocketServer server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop(1000, "test over");
    }
  }

  @Test
  void aQueuedFrameWhoseWriteDemandWasLostIsStillSent() throws Exception {
    server = new RelayWebSocketServer(new InetSocketAddress("127.0.0.1", 0), codec, opening());
    server.startListening();
    ProtocolTestClient client = ProtocolTestClient.connect(server.getPort());
    assertThat(opened.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    WebSocketImpl conn = (WebSocketImpl) server.getConnections().iterator().next();
    FrameBatch frame = new FrameBatch();
    frame.add(codec.encode(new Pong(7, 1)));

    conn.outQueue.offer(frame.seal().frames()); // queued, but no write demand: the lost state

    assertThat(client.awaitMessage(Pong.class, p -> p.nonce() == 7, WAIT).nonce()).isEqualTo(7);
    assertThat(server.lostWritesRescued()).isPositive();
  }

  @Test
  void aConnectionWhoseFramesAreWrittenIsLeftAlone() throws Exception {
    server = new RelayWebSocketServer(new InetSocketAddress("127.0.0.1", 0), codec, opening());
    server.startListening();
    ProtocolTestClient client = ProtocolTestClient.connect(server.getPort());
    assertThat(opened.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    WebSocket conn = server.getConnections().iterator().next();

    conn.send(codec.encode(new Pong(8, 1)));
    client.awaitMessage(Pong.class, p -> p.nonce() == 8, WAIT);

    LostWriteRescue check = new LostWriteRescue(server::getConnections, server::onWriteDemand);
    assertThat(check.check()).isZero();
  }

  private LinkListener opening() {
    return new LinkListener() {
      @Override
      public void onOpen(PeerLink link) {
        opened.countDown();
      }

      @Override
      public void onMessage(PeerLink link, Envelope envelope) {}

      @Override
      public void onRejected(PeerLink link, int closeCode, String reason) {}

      @Override
      public void onPeerCloseFrame(PeerLink link, int code) {}

      @Override
      public void onClosed(PeerLink link, int code, String reason, boolean byPeer) {}
    };
  }
}
