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
      if (!OperatorAuth.authorize(exchange, auth)) {
        return;
      }
      Object answer = JsonResponses.await(exchange, body.get().fetch());
      if (answer != null) {
        JsonResponses.send(exchange, JsonResponses.OK, answer);
      }
    }
  }
}
