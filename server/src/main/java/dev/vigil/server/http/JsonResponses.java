package dev.vigil.server.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes JSON responses and errors; one place for the content type and the encoding. */
final class JsonResponses {
  /** How long a request waits for the relay core to answer. */
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

  static final int OK = 200;
  static final int UNAUTHORIZED = 401;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int UNAVAILABLE = 503;

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private JsonResponses() {}

  static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, Map.of("error", message));
  }

  /** True (having answered 405) unless the request is a GET. */
  static boolean rejectNonGet(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod())) {
      return false;
    }
    exchange.getResponseHeaders().set("Allow", "GET");
    error(exchange, METHOD_NOT_ALLOWED, "only GET is supported");
    return true;
  }

  /** Waits for a core query; null (having answered 503) when the core does not answer in time. */
  static <T> T await(HttpExchange exchange, CompletableFuture<T> query) throws IOException {
    try {
      return query.get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(exchange, UNAVAILABLE, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      error(exchange, UNAVAILABLE, "relay core did not answer: " + e);
    }
    return null;
  }
}
