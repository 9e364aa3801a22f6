package dev.vigil.server.http;

import static dev.vigil.server.support.TestRelays.AGENT_TOKEN;
import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.Comparison;
import dev.vigil.server.history.HistoryBatch;
import dev.vigil.server.history.Rollup;
import dev.vigil.server.history.RollupPoint;
import dev.vigil.server.history.SampleRow;
import dev.vigil.server.history.SqliteHistoryStore;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history API and {@code /metrics} on a real relay whose history file was prefilled before it
 * started (a week of one host's minutes, six hours of another's raw samples), plus a real agent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HistoryApiTest {
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long NOW = System.currentTimeMillis();
  private static final long NOW_MINUTE = NOW / MINUTE * MINUTE;

  @TempDir static Path dataDir;
  private static Relay relay;
  private static ProtocolTestClient agent;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void prefillAndStart() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dataDir.resolve("history.db"))) {
      List<Sample> raw = new ArrayList<>();
      for (long t = NOW - 2 * HOUR; t < NOW; t += 10_000) {
        raw.add(new Sample("week-1", t, Map.of("t", 40.0)));
      }
      for (long t = NOW - 6 * HOUR + MINUTE; t < NOW; t += 1_000) {
        raw.add(new Sample("busy-1", t, Map.of("t", 1.5)));
      }
      List<Rollup> minutes = new ArrayList<>();
      for (long m = NOW_MINUTE - 7 * 24 * HOUR; m < NOW_MINUTE; m += MINUTE) {
        minutes.add(Rollup.of("week-1", "t", new RollupPoint(m, 30, 40, 50, 6)));
      }
      for (int i = 1; i <= SeriesHandler.MAX_POINTS + 1; i++) {
        minutes.add(Rollup.of("busy-1", "t", new RollupPoint(NOW_MINUTE - i * MINUTE, 1, 1, 1, 1)));
      }
      store.write(
          new HistoryBatch(
              raw.stream().map(SampleRow::of).toList(), minutes, List.of(), List.of()));
    }
    AlertRule hot =
        new AlertRule(
            "hot",
            null,
            "*",
            "test.temp",
            SensorKind.TEMPERATURE,
            Comparison.ABOVE,
            80,
            80,
            Duration.ZERO,
            Severity.CRITICAL);
    relay = Relay.start(TestRelays.config(dataDir).withRules(List.of(hot)));
    Hello quoted =
        new Hello(
            Role.AGENT,
            AGENT_TOKEN,
            "agent-1",
            "rack \"7\" \\ left",
            "test",
            Map.of(),
            false,
            "Linux test");
    agent = ProtocolTestClient.connect(relay.port(), quoted);
    agent.awaitMessage(Welcome.class, WAIT);
    agent.send(TestRelays.temperatureCatalog("agent-1"));
    agent.send(new Sample("agent-1", System.currentTimeMillis(), Map.of("test.temp", 92.5)));
    agent.send(
        new DeviceEvent(
            "agent-1",
            System.currentTimeMillis(),
            EventKind.DEVICE_ADDED,
            new Device("usb:1", DeviceKind.USB, "stick", Map.of()),
            null));
  }

  @AfterAll
  static void stop() {
    agent.close();
    relay.close();
  }

  private static HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "http://127.0.0.1:" + relay.httpPort();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  @Test
  void seriesListNamesEachSensorWithTheSpanOfItsData() throws Exception {
    HttpResponse<String> response = get("/api/series?host=week-1", ALICE_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject series = json(response).getAsJsonArray("series").get(0).getAsJsonObject();
    assertThat(series.get("sensorId").getAsString()).isEqualTo("t");
    assertThat(series.get("firstMs").getAsLong()).isEqualTo(NOW_MINUTE - 7 * 24 * HOUR);
    assertThat(series.get("lastMs").getAsLong()).isGreaterThan(NOW - HOUR);
  }

  @Test
  void autoServesRawForARecentShortRange() throws Exception {
    JsonObject body =
        json(get("/api/series/week-1/t?from=" + (NOW - HOUR) + "&to=" + NOW, ALICE_TOKEN));

    assertThat(body.get("resolution").getAsString()).isEqualTo("raw");
    assertThat(body.getAsJsonArray("points")).hasSize(360);
    assertThat(body.getAsJsonArray("points").get(0).getAsJsonArray().get(1).getAsDouble())
        .isEqualTo(40.0);
  }

  @Test
  void autoServesMinutesForASevenDayRange() throws Exception {
    JsonObject body =
        json(get("/api/series/week-1/t?from=" + (NOW - 7 * 24 * HOUR) + "&to=" + NOW, ALICE_TOKEN));

    assertThat(body.get("resolution").getAsString()).isEqualTo("1m");
    JsonArray points = body.getAsJsonArray("points");
    assertThat(points.size()).isBetween(7 * 24 * 60 - 1, 7 * 24 * 60);
    assertThat(points.get(0).getAsJsonArray().toString()).endsWith(",30,40,50]");
  }

  @Test
  void rawBeyondMaxPointsIsServedAsMinutes() throws Exception {
    JsonObject body =
        json(
            get(
                "/api/series/busy-1/t?resolution=raw&from=" + (NOW - 6 * HOUR) + "&to=" + NOW,
                ALICE_TOKEN));

    assertThat(body.get("resolution").getAsString()).isEqualTo("1m");
    assertThat(body.getAsJsonArray("points").size()).isLessThanOrEqualTo(6 * 60);
  }

  @Test
  void minutesBeyondMaxPointsAreRefusedNamingTheLimit() throws Exception {
    HttpResponse<String> response =
        get("/api/series/busy-1/t?resolution=1m&from=0&to=" + NOW, ALICE_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").getAsString()).contains("MAX_POINTS", "20000");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/series/week-1/t?from=yesterday, from",
    "/api/series/week-1/t?from=20&to=10, from",
    "/api/series/week-1/t?to=-5, to",
    "/api/series/week-1/t?resolution=5m, resolution",
    "/api/series/week-1/t?colour=red, colour",
    "/api/series, host",
    "/api/events?limit=0, limit",
    "/api/events?limit=5001, limit",
    "/api/events?kind=device.exploded, kind",
    "/api/alerts/history?kind=device.added, kind"
  })
  void badParametersAreRefusedWith400NamingThem(String path, String named) throws Exception {
    HttpResponse<String> response = get(path, ALICE_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").getAsString()).contains("parameter '" + named + "'");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/series?host=week-1",
    "/api/series/week-1/t",
    "/api/events",
    "/api/alerts/history"
  })
  void aWrongTokenIsUnauthorized(String path) throws Exception {
    assertThat(get(path, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(get(path, AGENT_TOKEN).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownHostOrSensorIsNotFound() throws Exception {
    assertThat(get("/api/series?host=nobody", ALICE_TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/api/series/week-1/nothing", ALICE_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void aRealAgentsEventIsServedByHostAndKind() throws Exception {
    awaitTrue(
        "the agent's event in history",
        () -> body("/api/events?host=agent-1&kind=device.added").contains("usb:1"));

    assertThat(body("/api/events?host=week-1")).isEqualTo("{\"events\":[]}");
  }

  @Test
  void anAlertTransitionIsServedWithTheWholeAlert() throws Exception {
    awaitTrue(
        "the firing alert in history",
        () -> body("/api/alerts/history?host=agent-1").contains("\"state\":\"firing\""));

    JsonObject first =
        JsonParser.parseString(body("/api/alerts/history?host=agent-1&limit=1"))
            .getAsJsonObject()
            .getAsJsonArray("transitions")
            .get(0)
            .getAsJsonObject();
    assertThat(first.get("ruleId").getAsString()).isEqualTo("hot");
    assertThat(first.get("value").getAsDouble()).isEqualTo(92.5);
  }

  @Test
  void metricsParseAndCarryTheLatestValueOfARealAgent() throws Exception {
    awaitTrue(
        "the agent's value in /metrics",
        () ->
            metrics()
                .containsKey("vigil_sensor_value{host=agent-1,sensor=test.temp,unit=celsius}"));
    Map<String, Double> metrics = metrics();

    assertThat(metrics)
        .containsEntry("vigil_sensor_value{host=agent-1,sensor=test.temp,unit=celsius}", 92.5)
        .containsEntry("vigil_host_up{host=agent-1,name=rack \"7\" \\ left}", 1.0)
        .containsEntry("vigil_relay_agents_connected", 1.0)
        .containsEntry("vigil_history_items_dropped_total", 0.0)
        .containsKeys(
            "vigil_relay_dashboards_connected",
            "vigil_relay_hosts_known",
            "vigil_relay_uptime_seconds",
            "vigil_history_rows_written_total",
            "vigil_history_queue_items");
  }

  @Test
  void healthCarriesTheHistoryCounters() throws Exception {
    JsonObject history = json(get("/health", null)).getAsJsonObject("history");

    assertThat(history.get("itemsDropped").getAsLong()).isZero();
    assertThat(history.has("rowsWritten")).isTrue();
    assertThat(history.has("queueItems")).isTrue();
  }

  private static String body(String path) {
    try {
      return get(path, ALICE_TOKEN).body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  /**
   * Parses the text format strictly: every line a comment or a sample; samples keyed by name and
   * unescaped labels ({@code name{a=x,b=y}}).
   */
  private static Map<String, Double> metrics() {
    HttpResponse<String> response;
    try {
      response = get("/metrics", null);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).as("sample line: %s", line).isTrue();
      StringBuilder key = new StringBuilder(m.group(1));
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        List<String> labels = new ArrayList<>();
        int end = 0;
        while (l.find() && l.start() == end) {
          labels.add(l.group(1) + "=" + unescape(l.group(2)));
          end = l.end();
        }
        assertThat(end).as("labels of: %s", line).isEqualTo(m.group(2).length());
        key.append('{').append(String.join(",", labels)).append('}');
      }
      samples.put(key.toString(), Double.parseDouble(m.group(3)));
    }
    return samples;
  }

  private static String unescape(String v) {
    return v.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
