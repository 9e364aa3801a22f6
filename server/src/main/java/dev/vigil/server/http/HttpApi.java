package dev.vigil.server.http;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.relay.RelayQueries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The relay's HTTP side on the JDK server: {@code GET /health} (no auth), {@code GET /api/hosts}
 * and {@code GET /api/alerts} (bearer operator token), and the HTTP link transport on {@code
 * /link}. Handlers run on a cached pool of daemon threads, so that the transport's held requests
 * (events streams, waiting polls) never keep short requests waiting; they read state through the
 * core.
 */
public final class HttpApi implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpLinkTransport link;

  private HttpApi(HttpServer server, ExecutorService executor, HttpLinkTransport link) {
    this.server = server;
    this.executor = executor;
    this.link = link;
  }

  /**
   * Binds and starts; throws with the address when the port cannot be bound.
   *
   * @param codec decodes what HTTP link peers post
   * @param listener gets the HTTP link sessions, like the WebSocket server's connections
   */
  public static HttpApi start(
      InetSocketAddress address,
      RelayQueries queries,
      Authenticator auth,
      String version,
      MessageCodec codec,
      LinkListener listener)
      throws IOException {
    return start(address, queries, auth, version, codec, listener, LinkTimings.DEFAULTS);
  }

  static HttpApi start(
      InetSocketAddress address,
      RelayQueries queries,
      Authenticator auth,
      String version,
      MessageCodec codec,
      LinkListener listener,
      LinkTimings timings)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new IOException("cannot listen for HTTP on " + address + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "vigil-relay-http");
              t.setDaemon(true);
              return t;
            });
    long startedNanos = System.nanoTime();
    server.createContext("/health", new HealthHandler(queries, version, startedNanos));
    server.createContext(
        "/api/hosts", new AuthorizedJsonHandler(auth, () -> new HostsBody(queries.hosts())));
    server.createContext(
        "/api/alerts", new AuthorizedJsonHandler(auth, () -> new AlertsBody(queries.alerts())));
    HttpLinkTransport link = new HttpLinkTransport(codec, listener, timings);
    link.register(server);
    server.setExecutor(executor);
    server.start();
    return new HttpApi(server, executor, link);
  }

  /** Events streams and waiting polls held now, for tests. */
  int heldLinkRequests() {
    return link.sessions().heldCount();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Closes the HTTP link sessions (1001), then stops serving. */
  @Override
  public void close() {
    link.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
