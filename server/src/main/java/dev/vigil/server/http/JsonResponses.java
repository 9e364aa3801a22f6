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
  static final int CREATED = 201;
  static final int NO_CONTENT = 204;
  static final int BAD_REQUEST = 400;
  static final int UNAUTHORIZED = 401;
  static final int NOT_FOUND = 404;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int GONE = 410;
  static final int TOO_LARGE = 413;
  static final int UNAVAILABLE = 503;

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private JsonResponses() {}

  /** {@code value} as compact JSON, HTML characters unescaped. */
  static String json(Object value) {
    return GSON.toJson(value);
  }

  static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends {@code json}, already JSON text, as the body. */
  static void sendJsonText(HttpExchange exchange, int status, String json) throws IOException {
    sendText(exchange, status, "application/json; charset=utf-8", json);
  }

  /** Sends {@code text} with {@code contentType}. */
  static void sendText(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
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
    return rejectMethod(exchange, "GET");
  }

  /**
   * True (having answered 405 with {@code Allow}) unless the request uses one of {@code allowed}.
   */
  static boolean rejectMethod(HttpExchange exchange, String... allowed) throws IOException {
    String method = exchange.getRequestMethod();
    for (String m : allowed) {
      if (m.equals(method)) {
        return false;
      }
    }
    String allow = String.join(", ", allowed);
    exchange.getResponseHeaders().set("Allow", allow);
    error(exchange, METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allow);
    return true;
  }

  /** An empty 204 answer. */
  static void noContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(NO_CONTENT, -1);
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
