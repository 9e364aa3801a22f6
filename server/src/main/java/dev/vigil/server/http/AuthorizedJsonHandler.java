package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.server.link.Authenticator;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A GET endpoint that needs {@code Authorization: Bearer <operator token>} and answers JSON. */
final class AuthorizedJsonHandler implements HttpHandler {
  /** Fetches the body of one answer from the relay core. */
  interface Body {
    CompletableFuture<Object> fetch();
  }

  private static final String BEARER = "Bearer ";

  private final Authenticator auth;
  private final Supplier<Body> body;

  AuthorizedJsonHandler(Authenticator auth, Supplier<Body> body) {
    this.auth = auth;
    this.body = body;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (JsonResponses.rejectNonGet(exchange)) {
        return;
      }
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header == null || !header.startsWith(BEARER)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        JsonResponses.error(
            exchange,
            JsonResponses.UNAUTHORIZED,
            "missing 'Authorization: Bearer <operator token>' header");
        return;
      }
      if (auth.operatorName(header.substring(BEARER.length()).trim()).isEmpty()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        JsonResponses.error(exchange, JsonResponses.UNAUTHORIZED, "unknown operator token");
        return;
      }
      Object answer = JsonResponses.await(exchange, body.get().fetch());
      if (answer != null) {
        JsonResponses.send(exchange, JsonResponses.OK, answer);
      }
    }
  }
}
