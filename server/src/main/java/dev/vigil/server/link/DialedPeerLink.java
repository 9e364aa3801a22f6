package dev.vigil.server.link;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PeerLink} the relay opened itself: one Java-WebSocket client connection to a listening
 * peer. Each inbound text is decoded with the shared codec and handed to the {@link LinkListener},
 * exactly as {@link RelayWebSocketServer} does for accepted connections; roles still come from the
 * peer's hello. A client must mask its frames (RFC 6455 §5.3), so batches are sent text by text
 * instead of as {@link FrameBatch}'s unmasked server frames.
 */
public final class DialedPeerLink implements PeerLink {
  /**
   * How long opening the TCP connection may take before the attempt fails (Java-WebSocket's connect
   * timeout; the upgrade that follows has no timeout of its own, and a peer that accepts but never
   * says hello is closed by the relay's hello timeout).
   */
  public static final Duration DIAL_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(DialedPeerLink.class);

  private final URI uri;
  private final MessageCodec codec;
  private final LinkListener listener;
  private final BiConsumer<Role, String> onWelcomed;
  private final Client client;

  /**
   * @param uri the listening peer
   * @param codec decodes what the peer sends
   * @param listener told of the link's events, on the client's thread
   * @param onWelcomed told when the relay accepted the peer's hello (see {@link #welcomed})
   */
  public DialedPeerLink(
      URI uri, MessageCodec codec, LinkListener listener, BiConsumer<Role, String> onWelcomed) {
    this.uri = uri;
    this.codec = codec;
    this.listener = listener;
    this.onWelcomed = onWelcomed;
    this.client = new Client(uri);
  }

  /** Starts dialling on the client's own thread; returns at once. */
  public void connect() {
    client.connect();
  }

  /** The dialled address. */
  public URI uri() {
    return uri;
  }

  @Override
  public void send(String text) {
    try {
      if (client.isOpen()) {
        client.send(text);
      }
    } catch (WebsocketNotConnectedException e) {
      // closed between the check and the send: dropping is the contract
    }
  }

  @Override
  public void close(int code, String reason) {
    if (client.isOpen()) {
      client.close(code, CloseReason.trim(reason));
    } else {
      // still dialling: nothing to say a close to, but the attempt must end
      client.closeConnection(code, CloseReason.trim(reason));
    }
  }

  @Override
  public void abort(int code, String reason) {
    client.closeConnection(code, CloseReason.trim(reason));
  }

  /**
   * Waits until the connection has closed, and drops it if it has not by {@code deadlineNanos}
   * ({@link System#nanoTime}): for a peer that never answers a close.
   */
  public void awaitClosedOrAbort(long deadlineNanos, int code, String reason)
      throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    if (left > 0 && closedLatch.await(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
      return;
    }
    abort(code, reason);
  }

  @Override
  public boolean isOpen() {
    return client.isOpen();
  }

  @Override
  public int queuedWrites() {
    WebSocket conn = client.getConnection();
    return conn instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  /**
   * Bytes of the frames waiting in the client's send queue, counted by walking it: the library
   * builds the masked frames itself, so this link cannot hold on to them as {@link
   * WebSocketPeerLink} does. The walk costs one step per queued frame, which is fine for the few
   * peers an operator configures to be dialled. Includes the library's own frames (pongs, close).
   */
  @Override
  public long queuedBytes() {
    WebSocket conn = client.getConnection();
    if (!(conn instanceof WebSocketImpl impl)) {
      return 0;
    }
    long bytes = 0;
    for (ByteBuffer frame : impl.outQueue) {
      bytes += frame.remaining();
    }
    return bytes;
  }

  @Override
  public void welcomed(Role role, String name) {
    onWelcomed.accept(role, name);
  }

  @Override
  public String remoteAddress() {
    return uri.toString();
  }

  @Override
  public String toString() {
    return "dialled:" + uri;
  }

  private final java.util.concurrent.CountDownLatch closedLatch =
      new java.util.concurrent.CountDownLatch(1);

  /** The Java-WebSocket client: adapts its callbacks to the {@link LinkListener}. */
  private final class Client extends WebSocketClient {
    Client(URI uri) {
      super(
          uri,
          new Draft_6455(List.of(), RelayWebSocketServer.MAX_FRAME_BYTES),
          Map.of(),
          (int) DIAL_TIMEOUT.toMillis());
      setTcpNoDelay(true);
      setDaemon(true); // a peer that never answers the close must not keep the JVM alive
      // Liveness is the relay's own heartbeat, as for accepted connections.
      setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      listener.onOpen(DialedPeerLink.this);
    }

    @Override
    public void onMessage(String text) {
      DecodeResult result = codec.decode(text);
      if (result instanceof DecodeResult.Decoded decoded) {
        listener.onMessage(DialedPeerLink.this, decoded.envelope());
      } else {
        DecodeResult.Failed failed = (DecodeResult.Failed) result;
        listener.onRejected(DialedPeerLink.this, failed.closeCode(), failed.detail());
      }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      listener.onRejected(
          DialedPeerLink.this,
          CloseCodes.MALFORMED,
          "binary frames are not accepted; send JSON text frames");
    }

    @Override
    public void onClosing(int code, String reason, boolean remote) {
      if (remote) {
        listener.onPeerCloseFrame(DialedPeerLink.this, code);
      }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closedLatch.countDown();
      listener.onClosed(DialedPeerLink.this, code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
      log.debug("WebSocket error on {}: {}", uri, ex.toString());
    }
  }
}
