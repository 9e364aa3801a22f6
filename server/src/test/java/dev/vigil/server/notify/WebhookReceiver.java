package dev.vigil.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real HTTP server on loopback that records every POST and answers as told. */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String body, Map<String, java.util.List<String>> headers) {}

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger answered = new AtomicInteger();
  private final HttpServer server;
  private final IntUnaryOperator statusForRequest;
  private final CountDownLatch release = new CountDownLatch(1);
  private final boolean hang;

  private WebhookReceiver(IntUnaryOperator statusForRequest, boolean hang) throws IOException {
    this.statusForRequest = statusForRequest;
    this.hang = hang;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Answers request {@code n} (1 for the first) with {@code statusForRequest(n)}. */
  static WebhookReceiver answering(IntUnaryOperator statusForRequest) throws IOException {
    return new WebhookReceiver(statusForRequest, false);
  }

  /** Records each request, then answers none until closed. */
  static WebhookReceiver hanging() throws IOException {
    return new WebhookReceiver(n -> 200, true);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  Received take() throws InterruptedException {
    Received r = received.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no webhook request within 10 s");
    }
    return r;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int n = requests.incrementAndGet();
      received.add(new Received(body, exchange.getRequestHeaders()));
      if (hang) {
        release.await();
      }
      exchange.sendResponseHeaders(statusForRequest.applyAsInt(n), -1);
      answered.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
