package dev.vigil.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listen mode: waits for a relay to dial in, for peers the relay can reach but that cannot reach
 * it. Each WebSocket connection from an allowed address becomes a {@link Channel} handed to the
 * listener's {@code onOpen}; from then on it is used exactly like a dialled one (the peer still
 * says hello first and declares its role). Since that hello carries the peer's token, only
 * addresses in the allow list may connect; others are refused in the handshake.
 */
public final class ChannelAcceptor implements AutoCloseable {
  /** The allow-list entry that admits any address; must be given explicitly. */
  public static final String ANY_ADDRESS = "*";

  /** How long {@link #start} waits for the socket to bind. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close} waits for open connections to close. */
  public static final int STOP_TIMEOUT_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChannelAcceptor.class);

  private final Server server;
  private final ChannelListener listener;
  private final Set<InetAddress> allowed;
  private final boolean allowAny;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;

  /**
   * @param bind where to listen
   * @param allowFrom addresses or host names of relays allowed to dial, or {@link #ANY_ADDRESS}
   * @throws IllegalArgumentException when the list is empty or a name does not resolve
   */
  public ChannelAcceptor(InetSocketAddress bind, List<String> allowFrom, ChannelListener listener) {
    if (allowFrom.isEmpty()) {
      throw new IllegalArgumentException(
          "listen mode needs the addresses of the relays allowed to dial in (their hello carries"
              + " this peer's token); give them, or \"*\" to admit any address");
    }
    this.listener = listener;
    this.allowAny = allowFrom.contains(ANY_ADDRESS);
    Set<InetAddress> resolved = new HashSet<>();
    for (String entry : allowFrom) {
      if (entry.equals(ANY_ADDRESS)) {
        continue;
      }
      try {
        resolved.addAll(List.of(InetAddress.getAllByName(entry.trim())));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "allowed relay address '" + entry + "' does not resolve");
      }
    }
    this.allowed = Set.copyOf(resolved);
    this.server = new Server(bind);
  }

  /** Starts listening; returns once bound, or throws naming the address. */
  public void start() throws IOException, InterruptedException {
    server.start();
    if (!started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IOException("listening on " + server.getAddress() + " did not start in time");
    }
    Exception failure = startFailure;
    if (failure != null) {
      throw new IOException(
          "cannot listen on " + server.getAddress() + ": " + failure.getMessage(), failure);
    }
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    try {
      server.stop(STOP_TIMEOUT_MS, "going away");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean admits(InetSocketAddress remote) {
    return allowAny || (remote != null && allowed.contains(remote.getAddress()));
  }

  private final class Server extends WebSocketServer {
    Server(InetSocketAddress bind) {
      super(bind);
      setReuseAddr(true);
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
      InetSocketAddress remote = conn.getRemoteSocketAddress();
      if (!admits(remote)) {
        LOG.warn("refused a connection from {}: not an allowed relay address", remote);
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "address not allowed");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
      LOG.info("listening for a relay to dial in on port {}", getPort());
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      ConnectionChannel channel =
          new ConnectionChannel(
              conn, "WebSocket dialled in by the relay from " + conn.getRemoteSocketAddress());
      conn.setAttachment(channel);
      LOG.info("relay dialled in from {}", conn.getRemoteSocketAddress());
      listener.onOpen(channel);
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
      listener.onText(conn.getAttachment(), text);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer bytes) {
      LOG.warn("ignoring a binary frame from the relay; the protocol uses text frames");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      ConnectionChannel channel = conn.getAttachment();
      if (channel != null) {
        channel.markClosed();
        listener.onClosed(channel, code, reason, remote);
      }
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
      if (conn == null && started.getCount() > 0) {
        startFailure = e;
        started.countDown();
        return;
      }
      LOG.debug("listen-mode error: {}", e.toString());
    }
  }
}
