package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.protocol.EventKind;
import dev.vigil.server.history.HistoryStore;
import dev.vigil.server.history.RecordQuery;
import dev.vigil.server.link.Authenticator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/events?host=&kind=&from=&to=&limit=} and {@code GET
 * /api/alerts/history?host=&from=&to=&limit=}: stored event or alert bodies, newest first.
 */
final class RecordsHandler extends HistoryHandler {
  /** Records in an answer when {@code limit} is not given. */
  public static final int DEFAULT_LIMIT = 500;

  /** Most records in one answer. */
  public static final int MAX_LIMIT = 5_000;

  /** Which records a handler serves. */
  enum Kind {
    EVENTS("events", Set.of("host", "kind", "from", "to", "limit")),
    ALERT_TRANSITIONS("transitions", Set.of("host", "from", "to", "limit"));

    final String field;
    final Set<String> params;

    Kind(String field, Set<String> params) {
      this.field = field;
      this.params = params;
    }
  }

  private static final List<String> EVENT_KINDS =
      Arrays.stream(EventKind.values()).map(EventKind::wireName).toList();

  private final HistoryStore store;
  private final Kind kind;

  RecordsHandler(Authenticator auth, HistoryStore store, Kind kind) {
    super(auth);
    this.store = store;
    this.kind = kind;
  }

  @Override
  String answer(HttpExchange exchange) throws QueryParams.BadParameter {
    QueryParams p = QueryParams.parse(exchange.getRequestURI().getRawQuery(), kind.params);
    String eventKind = p.text("kind");
    if (eventKind != null && !EVENT_KINDS.contains(eventKind)) {
      throw new QueryParams.BadParameter(
          "kind", "'" + eventKind + "' is not one of " + EVENT_KINDS);
    }
    long fromMs = p.timeMs("from", 0);
    long toMs = p.timeMs("to", Long.MAX_VALUE);
    if (fromMs > toMs) {
      throw new QueryParams.BadParameter("from", "must not be after 'to' (" + toMs + ")");
    }
    RecordQuery query =
        new RecordQuery(
            p.text("host"), eventKind, fromMs, toMs, p.intIn("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    List<String> records =
        kind == Kind.EVENTS ? store.events(query) : store.alertTransitions(query);
    StringBuilder json = new StringBuilder("{\"").append(kind.field).append("\":[");
    for (int i = 0; i < records.size(); i++) {
      json.append(i == 0 ? "" : ",").append(records.get(i));
    }
    return json.append("]}").toString();
  }
}
