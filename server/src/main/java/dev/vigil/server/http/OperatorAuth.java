package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.server.link.Authenticator;
import java.io.IOException;

/**
 * Checks {@code Authorization: Bearer <operator token>}; answers 401 when it is missing or wrong.
 */
final class OperatorAuth {
  private static final String BEARER = "Bearer ";

  private OperatorAuth() {}

  /** True when the request carries an operator token; otherwise false, having answered 401. */
  static boolean authorize(HttpExchange exchange, Authenticator auth) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith(BEARER)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      JsonResponses.error(
          exchange,
          JsonResponses.UNAUTHORIZED,
          "missing 'Authorization: Bearer <operator token>' header");
      return false;
    }
    String token = header.substring(BEARER.length()).trim();
    if (auth.operatorName(token).isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      JsonResponses.error(exchange, JsonResponses.UNAUTHORIZED, auth.operatorRefusal(token));
      return false;
    }
    return true;
  }
}
