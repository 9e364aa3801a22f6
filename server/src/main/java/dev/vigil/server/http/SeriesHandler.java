package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.server.history.RawPoint;
import dev.vigil.server.history.RollupPoint;
import dev.vigil.server.history.SeriesInfo;
import dev.vigil.server.link.Authenticator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/series?host=<hostId>} (the host's series) and {@code GET
 * /api/series/<hostId>/<sensorId>?from=&to=&resolution=} (one series over a time range).
 */
final class SeriesHandler extends HistoryHandler {
  /** Most points in one answer; raw beyond this is served as 1m, 1m beyond this is a 400. */
  public static final int MAX_POINTS = 20_000;

  /** The range when {@code from} is not given: the hour before {@code to}. */
  public static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  static final String PATH = "/api/series";

  private static final Set<String> LIST_PARAMS = Set.of("host");
  private static final Set<String> SERIES_PARAMS = Set.of("from", "to", "resolution");

  private final HistoryAccess history;

  SeriesHandler(Authenticator auth, HistoryAccess history) {
    super(auth);
    this.history = history;
  }

  @Override
  String answer(HttpExchange exchange) throws QueryParams.BadParameter, NotFound {
    String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
    String query = exchange.getRequestURI().getRawQuery();
    if (rest.isEmpty() || rest.equals("/")) {
      return list(QueryParams.parse(query, LIST_PARAMS).required("host"));
    }
    String[] parts = rest.substring(1).split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new NotFound("no such resource; use " + PATH + "/<hostId>/<sensorId>");
    }
    return series(decode(parts[0]), decode(parts[1]), QueryParams.parse(query, SERIES_PARAMS));
  }

  private String list(String hostId) throws NotFound {
    List<SeriesInfo> series = history.store().series(hostId);
    if (series.isEmpty() && !history.store().knowsHost(hostId)) {
      throw new NotFound("no history for host '" + hostId + "'");
    }
    StringBuilder json = new StringBuilder(64 + series.size() * 80);
    json.append("{\"hostId\":").append(JsonResponses.json(hostId)).append(",\"series\":[");
    for (int i = 0; i < series.size(); i++) {
      SeriesInfo s = series.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"sensorId\":")
          .append(JsonResponses.json(s.sensorId()))
          .append(",\"firstMs\":")
          .append(s.firstMs())
          .append(",\"lastMs\":")
          .append(s.lastMs())
          .append('}');
    }
    return json.append("]}").toString();
  }

  private String series(String hostId, String sensorId, QueryParams params)
      throws QueryParams.BadParameter, NotFound {
    long now = history.clock().millis();
    long toMs = params.timeMs("to", now);
    long fromMs = params.timeMs("from", Math.max(0, toMs - DEFAULT_RANGE.toMillis()));
    if (fromMs > toMs) {
      throw new QueryParams.BadParameter("from", "must not be after 'to' (" + toMs + ")");
    }
    SeriesResolution resolution =
        SeriesResolution.parse(params.text("resolution"))
            .choose(fromMs, toMs, now, history.rawRetention());
    if (!history.store().knowsHost(hostId)) {
      throw new NotFound("no history for host '" + hostId + "'");
    }
    if (history.store().series(hostId).stream().noneMatch(s -> s.sensorId().equals(sensorId))) {
      throw new NotFound("no history for sensor '" + sensorId + "' of host '" + hostId + "'");
    }
    StringBuilder json = new StringBuilder(1 << 16);
    if (resolution == SeriesResolution.RAW) {
      List<RawPoint> raw = history.store().raw(hostId, sensorId, fromMs, toMs, MAX_POINTS + 1);
      if (raw.size() <= MAX_POINTS) {
        head(json, hostId, sensorId, SeriesResolution.RAW);
        for (int i = 0; i < raw.size(); i++) {
          RawPoint p = raw.get(i);
          json.append(i == 0 ? "[" : ",[").append(p.timestampMs()).append(',');
          number(json, p.value()).append(']');
        }
        return json.append("]}").toString();
      }
    }
    List<RollupPoint> minutes =
        history.store().rollups(hostId, sensorId, fromMs, toMs, MAX_POINTS + 1);
    if (minutes.size() > MAX_POINTS) {
      throw new QueryParams.BadParameter(
          "from",
          "the range holds more than MAX_POINTS ("
              + MAX_POINTS
              + ") points even at resolution 1m; ask for a shorter range");
    }
    head(json, hostId, sensorId, SeriesResolution.MINUTE);
    for (int i = 0; i < minutes.size(); i++) {
      RollupPoint p = minutes.get(i);
      json.append(i == 0 ? "[" : ",[").append(p.minuteMs()).append(',');
      number(json, p.min()).append(',');
      number(json, p.avg()).append(',');
      number(json, p.max()).append(']');
    }
    return json.append("]}").toString();
  }

  private static void head(
      StringBuilder json, String hostId, String sensorId, SeriesResolution resolution) {
    json.append("{\"hostId\":")
        .append(JsonResponses.json(hostId))
        .append(",\"sensorId\":")
        .append(JsonResponses.json(sensorId))
        .append(",\"resolution\":\"")
        .append(resolution.wireName())
        .append("\",\"points\":[");
  }

  /** A JSON number; whole values without a fraction. */
  private static StringBuilder number(StringBuilder json, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return json.append((long) v);
    }
    return json.append(v);
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
