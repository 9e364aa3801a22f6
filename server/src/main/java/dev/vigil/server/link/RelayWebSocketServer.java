package dev.vigil.server.link;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Protocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's WebSocket transport: plain RFC 6455 (no permessage-deflate), TCP_NODELAY on. Each
 * text frame is decoded on the worker thread with the shared codec and handed to the {@link
 * LinkListener}; nothing else runs here. Frames whose write demand the library lost are found and
 * written ({@link LostWriteRescue}).
 */
public final class RelayWebSocketServer extends WebSocketServer {
  /**
   * Largest frame the library accepts. Above the protocol limit on purpose, so that an oversized
   * message still reaches the codec and gets the precise 4005; beyond this the library closes with
   * 1009 on its own.
   */
  public static final int MAX_FRAME_BYTES = 4 * Protocol.MAX_INBOUND_MESSAGE_BYTES;

  /** How long {@link #startListening} waits for the socket to bind. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RelayWebSocketServer.class);

  private final MessageCodec codec;
  private final LinkListener listener;
  private final CountDownLatch started = new CountDownLatch(1);
  private final LostWriteRescue lostWrites = new LostWriteRescue(this::onWriteDemand);
  private volatile Exception startFailure;

  public RelayWebSocketServer(
      InetSocketAddress address, MessageCodec codec, LinkListener listener) {
    super(address, List.<Draft>of(new Draft_6455(List.of(), MAX_FRAME_BYTES)));
    this.codec = codec;
    this.listener = listener;
    setTcpNoDelay(true);
    setReuseAddr(true);
    // Liveness is the relay's own heartbeat (protocol Ping, close 4009), not the library's.
    setConnectionLostTimeout(0);
  }

  /** Starts the server and returns once it listens; throws if it cannot bind. */
  public void startListening() throws IOException, InterruptedException {
    start();
    if (!started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IOException("WebSocket server did not start within " + START_TIMEOUT);
    }
    Exception failure = startFailure;
    if (failure != null) {
      throw new IOException(
          "cannot listen for WebSocket connections on "
              + getAddress()
              + ": "
              + failure.getMessage(),
          failure);
    }
  }

  @Override
  public void onStart() {
    log.info("Listening for WebSocket connections on port {}", getPort());
    lostWrites.start();
    started.countDown();
  }

  /** Closes every connection and stops, waiting up to {@code timeoutMs} for the closes. */
  @Override
  public void stop(int timeoutMs, String message) throws InterruptedException {
    lostWrites.close();
    super.stop(timeoutMs, message);
  }

  /** Write demands {@link LostWriteRescue} had to make again so far. */
  public long lostWritesRescued() {
    return lostWrites.rescued();
  }

  /** The rescue every link of this server reports its writes to. */
  LostWriteRescue lostWriteRescue() {
    return lostWrites;
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    WebSocketPeerLink link = new WebSocketPeerLink(conn, lostWrites);
    conn.setAttachment(link);
    listener.onOpen(link);
  }

  @Override
  public void onMessage(WebSocket conn, String text) {
    PeerLink link = conn.getAttachment();
    DecodeResult result = codec.decode(text);
    if (result instanceof DecodeResult.Decoded decoded) {
      listener.onMessage(link, decoded.envelope());
    } else {
      DecodeResult.Failed failed = (DecodeResult.Failed) result;
      listener.onRejected(link, failed.closeCode(), failed.detail());
    }
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer bytes) {
    listener.onRejected(
        conn.getAttachment(),
        CloseCodes.MALFORMED,
        "binary frames are not accepted; send JSON text frames");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    PeerLink link = conn.getAttachment();
    if (link != null) {
      listener.onClosed(link, code, reason, remote);
    }
  }

  @Override
  public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
    PeerLink link = conn.getAttachment();
    if (link != null && remote) {
      listener.onPeerCloseFrame(link, code);
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      if (started.getCount() > 0) {
        startFailure = ex;
        started.countDown();
      } else {
        log.error("WebSocket server failed", ex);
      }
      return;
    }
    log.debug("WebSocket error on {}: {}", conn.getRemoteSocketAddress(), ex.toString());
  }
}
