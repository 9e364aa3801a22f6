package dev.vigil.server.http;

import com.google.gson.annotations.SerializedName;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.server.history.HistoryStats;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.relay.RelayCounts;
import dev.vigil.server.relay.RelayQueries;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics}: relay health and every host's latest values in the Prometheus text format.
 * No authentication unless {@code metricsRequireToken}.
 */
final class MetricsHandler implements HttpHandler {
  private static final Map<SensorUnit, String> UNIT_NAMES = unitNames();

  private final RelayQueries queries;
  private final HistoryStats history;
  private final Authenticator auth;
  private final boolean requireToken;
  private final long startedNanos;

  /**
   * @param history the writer's counters; null when history is disabled (its metrics are left out)
   */
  MetricsHandler(
      RelayQueries queries,
      HistoryStats history,
      Authenticator auth,
      boolean requireToken,
      long startedNanos) {
    this.queries = queries;
    this.history = history;
    this.auth = auth;
    this.requireToken = requireToken;
    this.startedNanos = startedNanos;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (JsonResponses.rejectNonGet(exchange)) {
        return;
      }
      if (requireToken && !OperatorAuth.authorize(exchange, auth)) {
        return;
      }
      RelayCounts counts = JsonResponses.await(exchange, queries.counts());
      if (counts == null) {
        return;
      }
      List<HostSnapshot> hosts = JsonResponses.await(exchange, queries.hosts());
      if (hosts == null) {
        return;
      }
      JsonResponses.sendText(
          exchange, JsonResponses.OK, PrometheusText.CONTENT_TYPE, render(counts, hosts));
    }
  }

  private String render(RelayCounts counts, List<HostSnapshot> hosts) {
    PrometheusText t = new PrometheusText();
    t.family("vigil_relay_agents_connected", "gauge", "Agents connected now.")
        .sample("vigil_relay_agents_connected", counts.agentsConnected());
    t.family("vigil_relay_dashboards_connected", "gauge", "Dashboards connected now.")
        .sample("vigil_relay_dashboards_connected", counts.dashboardsConnected());
    t.family("vigil_relay_hosts_known", "gauge", "Hosts the relay knows, online or not.")
        .sample("vigil_relay_hosts_known", counts.hostsKnown());
    t.family("vigil_relay_uptime_seconds", "gauge", "Seconds since the relay started.")
        .sample(
            "vigil_relay_uptime_seconds",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
    if (history != null) {
      t.family("vigil_history_rows_written_total", "counter", "History rows committed.")
          .sample("vigil_history_rows_written_total", history.rowsWritten());
      t.family(
              "vigil_history_items_dropped_total",
              "counter",
              "History items dropped: queue full or a failed write.")
          .sample("vigil_history_items_dropped_total", history.itemsDropped());
      t.family("vigil_history_queue_items", "gauge", "History items waiting to be written.")
          .sample("vigil_history_queue_items", history.queueItems());
    }
    t.family("vigil_host_up", "gauge", "1 when the host is online, 0 when stale or offline.");
    for (HostSnapshot h : hosts) {
      t.sample(
          "vigil_host_up",
          h.status().state() == HostState.ONLINE ? 1 : 0,
          "host",
          h.status().hostId(),
          "name",
          h.status().name());
    }
    t.family("vigil_sensor_value", "gauge", "Latest value of each present sensor, in its unit.");
    for (HostSnapshot h : hosts) {
      if (h.latest() == null) {
        continue;
      }
      Map<String, String> units = new HashMap<>();
      if (h.catalog() != null) {
        for (SensorInfo s : h.catalog().sensors()) {
          units.put(s.id(), UNIT_NAMES.get(s.unit()));
        }
      }
      for (Map.Entry<String, Double> e : h.latest().values().entrySet()) {
        t.sample(
            "vigil_sensor_value",
            e.getValue(),
            "host",
            h.status().hostId(),
            "sensor",
            e.getKey(),
            "unit",
            units.getOrDefault(e.getKey(), ""));
      }
    }
    return t.toString();
  }

  /** Units by their wire names, e.g. {@code celsius}. */
  private static Map<SensorUnit, String> unitNames() {
    Map<SensorUnit, String> names = new EnumMap<>(SensorUnit.class);
    for (SensorUnit u : SensorUnit.values()) {
      try {
        SerializedName n = SensorUnit.class.getField(u.name()).getAnnotation(SerializedName.class);
        names.put(u, n == null ? u.name().toLowerCase(java.util.Locale.ROOT) : n.value());
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }
}
