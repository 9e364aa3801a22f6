package dev.vigil.server.http;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.relay.RelayQueries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The relay's HTTP side on the JDK server: {@code GET /health} (no auth), {@code GET /api/hosts}
 * and {@code GET /api/alerts} (bearer operator token). Handlers run on their own small pool and
 * read state through the core.
 */
public final class HttpApi implements AutoCloseable {
  /** Threads serving HTTP requests. */
  public static final int HANDLER_THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds and starts; throws with the address when the port cannot be bound. */
  public static HttpApi start(
      InetSocketAddress address, RelayQueries queries, Authenticator auth, String version)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new IOException("cannot listen for HTTP on " + address + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            HANDLER_THREADS,
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
    server.setExecutor(executor);
    server.start();
    return new HttpApi(server, executor);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
