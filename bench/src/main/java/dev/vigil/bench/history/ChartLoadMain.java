package dev.vigil.bench.history;

import dev.vigil.protocol.Sample;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.history.HistoryBatch;
import dev.vigil.server.history.Rollup;
import dev.vigil.server.history.RollupPoint;
import dev.vigil.server.history.SampleRow;
import dev.vigil.server.history.SqliteHistoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How long a 7-day chart of one host takes to load: fills a history file with 7 days of 1-minute
 * rollups and 24 hours of raw samples (1 Hz) of one host with {@link #SENSORS} sensors, through the
 * relay's own store, starts a relay on it (in this process, loopback) and times {@code GET
 * /api/series/<host>/<sensor>?from=now-7d&to=now} over HTTP, {@link #RUNS} times after one warm-up
 * request. Prints one line: the median, min and max in milliseconds, points and bytes.
 *
 * <p>Usage: {@code java -cp bench/target/vigil-bench.jar dev.vigil.bench.history.ChartLoadMain
 * <work dir>}
 */
public final class ChartLoadMain {
  /** Sensors of the host, as a typical server reports. */
  public static final int SENSORS = 30;

  /** Timed requests after the warm-up. */
  public static final int RUNS = 9;

  private static final String HOST = "bench-chart-0";
  private static final String TOKEN = "bench-chart-operator";
  private static final long MINUTE_MS = 60_000;
  private static final long DAY_MS = 24 * 60 * MINUTE_MS;
  private static final int SAMPLES_PER_BATCH = 5_000;
  private static final int ROLLUPS_PER_BATCH = 50_000;

  private ChartLoadMain() {}

  public static void main(String[] args) throws Exception {
    Path work =
        Path.of(args.length > 0 ? args[0] : Files.createTempDirectory("vigil-chart").toString());
    long now = System.currentTimeMillis();
    long fillStart = System.nanoTime();
    long[] rows = fill(work.resolve("history.db"), now);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    RelayConfig config =
        RelayConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withHttpPort(0)
            .withAgentTokens(Set.of("bench-chart-agent"))
            .withOperatorTokens(Map.of(TOKEN, "bench"))
            .withDataDir(work)
            .withHistory(dev.vigil.server.config.HistoryConfig.defaults().withEnabled(true));
    try (Relay relay = Relay.start(config)) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri =
          URI.create(
              "http://127.0.0.1:"
                  + relay.httpPort()
                  + "/api/series/"
                  + HOST
                  + "/"
                  + sensorId(0)
                  + "?from="
                  + (now - 7 * DAY_MS)
                  + "&to="
                  + now);
      HttpRequest request =
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build();
      double warmMs = time(http, request, null);
      double[] ms = new double[RUNS];
      int[] size = new int[2];
      for (int i = 0; i < RUNS; i++) {
        ms[i] = time(http, request, size);
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "history chart: 7-day series of one host (%d sensors; %d raw samples, %d minute rows"
              + " filled in %.1f s): median %.1f ms, min %.1f, max %.1f over %d runs (first,"
              + " cold: %.1f ms); %d points, %d bytes%n",
          SENSORS,
          rows[0],
          rows[1],
          fillSeconds,
          ms[RUNS / 2],
          ms[0],
          ms[RUNS - 1],
          RUNS,
          warmMs,
          size[0],
          size[1]);
    }
  }

  private static double time(HttpClient http, HttpRequest request, int[] size) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200 || !response.body().contains("\"resolution\":\"1m\"")) {
      throw new IllegalStateException(
          "unexpected answer " + response.statusCode() + ": " + response.body().substring(0, 200));
    }
    if (size != null) {
      size[0] = response.body().split("\\],\\[", -1).length;
      size[1] = response.body().length();
    }
    return ms;
  }

  /** Writes the history; returns raw samples and minute rows written. */
  private static long[] fill(Path file, long now) {
    long rawRows = 0;
    long minuteRows = 0;
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      List<SampleRow> samples = new ArrayList<>(SAMPLES_PER_BATCH);
      for (long t = now - DAY_MS; t < now; t += 1_000) {
        Map<String, Double> values = new HashMap<>();
        for (int s = 0; s < SENSORS; s++) {
          values.put(sensorId(s), value(s, t));
        }
        samples.add(SampleRow.of(new Sample(HOST, t, values)));
        if (samples.size() == SAMPLES_PER_BATCH) {
          store.write(new HistoryBatch(samples, List.of(), List.of(), List.of()));
          rawRows += samples.size();
          samples = new ArrayList<>(SAMPLES_PER_BATCH);
        }
      }
      store.write(new HistoryBatch(samples, List.of(), List.of(), List.of()));
      rawRows += samples.size();
      List<Rollup> rollups = new ArrayList<>(ROLLUPS_PER_BATCH);
      long nowMinute = now / MINUTE_MS * MINUTE_MS;
      for (long m = nowMinute - 7 * DAY_MS; m < nowMinute; m += MINUTE_MS) {
        Map<String, RollupPoint> sensors = new HashMap<>();
        for (int s = 0; s < SENSORS; s++) {
          double v = value(s, m);
          sensors.put(sensorId(s), new RollupPoint(m, v - 1, v, v + 1, 60));
        }
        rollups.add(new Rollup(HOST, m, sensors));
        if (rollups.size() >= ROLLUPS_PER_BATCH) {
          store.write(new HistoryBatch(List.of(), rollups, List.of(), List.of()));
          minuteRows += rollups.size();
          rollups = new ArrayList<>(ROLLUPS_PER_BATCH);
        }
      }
      store.write(new HistoryBatch(List.of(), rollups, List.of(), List.of()));
      minuteRows += rollups.size();
    }
    return new long[] {rawRows, minuteRows};
  }

  private static String sensorId(int s) {
    return String.format(Locale.ROOT, "bench.sensor%02d.value", s);
  }

  private static double value(int sensor, long tMs) {
    return Math.round((40 + sensor + 10 * Math.sin(tMs / 600_000.0 + sensor)) * 100) / 100.0;
  }
}
