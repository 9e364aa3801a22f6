package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.server.history.HistoryException;
import dev.vigil.server.link.Authenticator;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GET endpoint of the history API: operator token, JSON answers, 400 for a bad parameter, 404 for
 * what the store does not hold, 503 when the store fails. Reads the store on the HTTP thread.
 */
abstract class HistoryHandler implements HttpHandler {
  /** Nothing to answer with; the message says what is missing. Answered with 404. */
  static final class NotFound extends Exception {
    NotFound(String message) {
      super(message);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(HistoryHandler.class);

  private final Authenticator auth;

  HistoryHandler(Authenticator auth) {
    this.auth = auth;
  }

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (JsonResponses.rejectNonGet(exchange) || !OperatorAuth.authorize(exchange, auth)) {
        return;
      }
      try {
        JsonResponses.sendJsonText(exchange, JsonResponses.OK, answer(exchange));
      } catch (QueryParams.BadParameter e) {
        JsonResponses.error(exchange, JsonResponses.BAD_REQUEST, e.getMessage());
      } catch (NotFound e) {
        JsonResponses.error(exchange, JsonResponses.NOT_FOUND, e.getMessage());
      } catch (HistoryException e) {
        log.warn("History request {} failed: {}", exchange.getRequestURI(), e.getMessage());
        JsonResponses.error(exchange, JsonResponses.UNAVAILABLE, e.getMessage());
      }
    }
  }

  /** The JSON text of the answer. */
  abstract String answer(HttpExchange exchange)
      throws QueryParams.BadParameter, NotFound, IOException;
}
