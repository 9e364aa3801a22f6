package dev.vigil.server.http;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.LinkListener;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP link transport: the protocol's messages over plain HTTP, on {@code /link}, for peers
 * whose proxies refuse WebSocket. Each session is one {@link HttpPeerLink}, which the listener (the
 * relay core) treats exactly like a WebSocket connection.
 */
final class HttpLinkTransport implements AutoCloseable {
  /** The path every endpoint of the transport is under. */
  static final String CONTEXT = "/link";

  private static final Logger log = LoggerFactory.getLogger(HttpLinkTransport.class);

  private final LinkSessions sessions;
  private final LinkHandler handler;
  private final ScheduledExecutorService sweeper;

  HttpLinkTransport(MessageCodec codec, LinkListener listener, LinkTimings timings) {
    this.sessions = new LinkSessions(listener, timings.closedLingerMs());
    this.handler = new LinkHandler(codec, sessions, timings);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-relay-link-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(
        this::sweep, timings.sweepIntervalMs(), timings.sweepIntervalMs(), TimeUnit.MILLISECONDS);
  }

  /** Serves the transport's endpoints on {@code server}. */
  void register(HttpServer server) {
    server.createContext(CONTEXT, handler);
  }

  LinkSessions sessions() {
    return sessions;
  }

  /** Closes every session with 1001 and gives their streams a moment to deliver the close. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    sessions.closeAll(CloseCodes.GOING_AWAY, "relay shutting down");
    try {
      sessions.awaitNoneHeld(HttpLinkLimits.CLOSE_DRAIN_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sweep() {
    try {
      sessions.sweep();
    } catch (RuntimeException e) {
      log.error("Sweeping closed HTTP link sessions failed", e);
    }
  }
}
