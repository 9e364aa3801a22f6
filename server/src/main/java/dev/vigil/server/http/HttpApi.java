package dev.vigil.server.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.history.HistoryStats;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.relay.RelayQueries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The relay's HTTP side on the JDK server: {@code GET /health} and {@code GET /metrics} (no auth by
 * default), {@code GET /api/hosts}, {@code GET /api/alerts} and the history API ({@code
 * /api/series}, {@code /api/events}, {@code /api/alerts/history}; bearer operator token), and the
 * HTTP link transport on {@code /link}. Handlers run on a cached pool of daemon threads, so that
 * the transport's held requests (events streams, waiting polls) never keep short requests waiting;
 * they read state through the core.
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
    return start(address, queries, auth, version, codec, listener, null, false);
  }

  /**
   * Binds and starts, with the history API and {@code /metrics}.
   *
   * @param history the history to serve; null when disabled ({@code /api/series}, {@code
   *     /api/events} and {@code /api/alerts/history} then answer 404)
   * @param metricsRequireToken whether {@code /metrics} needs an operator token
   */
  public static HttpApi start(
      InetSocketAddress address,
      RelayQueries queries,
      Authenticator auth,
      String version,
      MessageCodec codec,
      LinkListener listener,
      HistoryAccess history,
      boolean metricsRequireToken)
      throws IOException {
    return start(
        address,
        queries,
        auth,
        version,
        codec,
        listener,
        LinkTimings.DEFAULTS,
        history,
        metricsRequireToken);
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
    return start(address, queries, auth, version, codec, listener, timings, null, false);
  }

  private static HttpApi start(
      InetSocketAddress address,
      RelayQueries queries,
      Authenticator auth,
      String version,
      MessageCodec codec,
      LinkListener listener,
      LinkTimings timings,
      HistoryAccess history,
      boolean metricsRequireToken)
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
    HistoryStats stats = history == null ? null : history.stats();
    server.createContext("/health", new HealthHandler(queries, version, startedNanos, stats));
    server.createContext(
        "/metrics", new MetricsHandler(queries, stats, auth, metricsRequireToken, startedNanos));
    if (history != null) {
      server.createContext(SeriesHandler.PATH, new SeriesHandler(auth, history));
      server.createContext(
          "/api/events", new RecordsHandler(auth, history.store(), RecordsHandler.Kind.EVENTS));
      server.createContext(
          "/api/alerts/history",
          new RecordsHandler(auth, history.store(), RecordsHandler.Kind.ALERT_TRANSITIONS));
    } else {
      HttpHandler disabled =
          exchange -> {
            try (exchange) {
              JsonResponses.error(
                  exchange,
                  JsonResponses.NOT_FOUND,
                  "history is disabled on this relay (config history.enabled)");
            }
          };
      server.createContext(SeriesHandler.PATH, disabled);
      server.createContext("/api/events", disabled);
      server.createContext("/api/alerts/history", disabled);
    }
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
