package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.server.history.HistoryStats;
import dev.vigil.server.notify.NotificationStats;
import dev.vigil.server.relay.RelayCounts;
import dev.vigil.server.relay.RelayQueries;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** {@code GET /health}: status, version, uptime and connection counts; no authentication. */
final class HealthHandler implements HttpHandler {
  /**
   * The body of a health answer.
   *
   * @param status "ok"
   * @param version relay version
   * @param uptimeSeconds seconds since the relay started
   * @param agentsConnected connected agents
   * @param dashboardsConnected connected dashboards
   * @param hostsKnown every host the relay knows
   * @param notifications delivery counts of the webhooks, e-mail and commands
   * @param history the history writer's counters; null (left out) when history is disabled
   */
  record Health(
      String status,
      String version,
      long uptimeSeconds,
      int agentsConnected,
      int dashboardsConnected,
      int hostsKnown,
      NotificationStats notifications,
      History history) {}

  /**
   * The history part of a health answer.
   *
   * @param rowsWritten rows committed since start
   * @param itemsDropped items dropped (queue full or a failed write) since start
   * @param queueItems items waiting to be written
   */
  record History(long rowsWritten, long itemsDropped, int queueItems) {}

  private final RelayQueries queries;
  private final String version;
  private final long startedNanos;
  private final HistoryStats history;

  /**
   * @param history the writer's counters; null when history is disabled
   */
  HealthHandler(RelayQueries queries, String version, long startedNanos, HistoryStats history) {
    this.queries = queries;
    this.history = history;
    this.version = version;
    this.startedNanos = startedNanos;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (JsonResponses.rejectNonGet(exchange)) {
        return;
      }
      RelayCounts counts = JsonResponses.await(exchange, queries.counts());
      if (counts == null) {
        return;
      }
      long uptime = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
      JsonResponses.send(
          exchange,
          JsonResponses.OK,
          new Health(
              "ok",
              version,
              uptime,
              counts.agentsConnected(),
              counts.dashboardsConnected(),
              counts.hostsKnown(),
              queries.notificationStats(),
              history == null
                  ? null
                  : new History(
                      history.rowsWritten(), history.itemsDropped(), history.queueItems())));
    }
  }
}
