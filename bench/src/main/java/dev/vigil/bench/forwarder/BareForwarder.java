package dev.vigil.bench.forwarder;

import dev.vigil.bench.dialect.ForwarderDialect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ceiling of Java-WebSocket on this machine: re-broadcasts every text frame from an agent
 * ({@code /agent}) to every dashboard ({@code /dashboard}), encoded once by {@link
 * #broadcast(String, java.util.Collection)}. No parsing, no state, TCP_NODELAY on, no compression.
 */
public final class BareForwarder extends WebSocketServer {
  /** How long {@link #startListening} waits for the socket to bind. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(BareForwarder.class);

  private final Set<WebSocket> dashboards = ConcurrentHashMap.newKeySet();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;

  public BareForwarder(InetSocketAddress address) {
    // Draft_6455 with no extensions: permessage-deflate stays off.
    super(address, List.<Draft>of(new Draft_6455()));
    setTcpNoDelay(true);
    setReuseAddr(true);
  }

  /** Starts the server and returns once it listens. */
  public void startListening() throws IOException, InterruptedException {
    start();
    if (!started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IOException("forwarder did not start within " + START_TIMEOUT);
    }
    if (startFailure != null) {
      throw new IOException("cannot listen on " + getAddress(), startFailure);
    }
  }

  /** Dashboards connected now. */
  public int dashboardCount() {
    return dashboards.size();
  }

  @Override
  public void onStart() {
    log.info("Bare forwarder listening on port {}", getPort());
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    String path = handshake.getResourceDescriptor();
    if (ForwarderDialect.DASHBOARD_PATH.equals(path)) {
      dashboards.add(conn);
    } else if (!ForwarderDialect.AGENT_PATH.equals(path)) {
      conn.close(CloseFrame.POLICY_VALIDATION, "unknown path " + path);
    }
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    if (!dashboards.contains(conn)) {
      broadcast(message, dashboards);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    dashboards.remove(conn);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null && started.getCount() > 0) {
      startFailure = ex;
      started.countDown();
      return;
    }
    log.debug("forwarder connection error: {}", ex.toString());
  }
}
