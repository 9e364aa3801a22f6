package dev.vigil.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Severity;
import dev.vigil.server.support.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store and its writer on a real file. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HistoryStoreTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;

  /** A minute an hour ago: within retention, so the writer's start-up sweep keeps it. */
  private static final long T0 = (System.currentTimeMillis() - HOUR) / MINUTE * MINUTE;

  @TempDir Path dir;
  private HistoryWriter writer;

  @AfterEach
  void close() {
    if (writer != null) {
      writer.close();
    }
  }

  private HistoryWriter writer(Clock clock) {
    SqliteHistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"));
    writer =
        new HistoryWriter(
                store, MessageCodec.forInbound(), Duration.ofHours(24), Duration.ofDays(30), clock)
            .start();
    return writer;
  }

  private static Sample sample(String host, long tsMs, Map<String, Double> values) {
    return new Sample(host, tsMs, values);
  }

  @Test
  void aSampleWrittenIsReadBackRawWithEveryValueExact() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.sample(sample("h1", T0, Map.of("cpu.temp", 54.25, "in0", 1.224, "fan", 1200.0)));
    w.sample(sample("h1", T0 + 1000, Map.of("cpu.temp", 55.5)));

    assertThat(w.flush(WAIT)).isTrue();

    assertThat(w.store().raw("h1", "cpu.temp", T0, T0 + 1000, 100))
        .containsExactly(new RawPoint(T0, 54.25), new RawPoint(T0 + 1000, 55.5));
    assertThat(w.store().raw("h1", "in0", T0, T0 + 1000, 100))
        .containsExactly(new RawPoint(T0, 1.224));
    assertThat(w.store().raw("h1", "fan", 0, Long.MAX_VALUE, 100))
        .containsExactly(new RawPoint(T0, 1200.0));
  }

  @Test
  void minuteRollupsHoldMinAvgMaxAndCountOfEachMinute() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.sample(sample("h1", T0 + 1_000, Map.of("t", 10.0)));
    w.sample(sample("h1", T0 + 20_000, Map.of("t", 20.0)));
    w.sample(sample("h1", T0 + 59_000, Map.of("t", 60.0)));
    w.sample(sample("h1", T0 + MINUTE + 5_000, Map.of("t", 7.0)));

    assertThat(w.flush(WAIT)).isTrue();

    assertThat(w.store().rollups("h1", "t", T0, T0 + MINUTE, 100))
        .containsExactly(
            new RollupPoint(T0, 10.0, 30.0, 60.0, 3), new RollupPoint(T0 + MINUTE, 7, 7, 7, 1));
  }

  @Test
  void aMinuteWrittenTwiceIsMergedNotReplaced() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.sample(sample("h1", T0 + 1_000, Map.of("t", 10.0)));
    assertThat(w.flush(WAIT)).isTrue();
    w.sample(sample("h1", T0 + 2_000, Map.of("t", 30.0)));
    assertThat(w.flush(WAIT)).isTrue();

    assertThat(w.store().rollups("h1", "t", T0, T0, 10))
        .containsExactly(new RollupPoint(T0, 10, 20, 30, 2));
  }

  @Test
  void seriesListsEachSensorWithTheSpanOfItsData() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.sample(sample("h1", T0, Map.of("a", 1.0)));
    w.sample(sample("h1", T0 + 2 * MINUTE, Map.of("a", 2.0, "b", 3.0)));

    assertThat(w.flush(WAIT)).isTrue();

    assertThat(w.store().series("h1"))
        .containsExactly(
            new SeriesInfo("a", T0, T0 + 2 * MINUTE),
            new SeriesInfo("b", T0 + 2 * MINUTE, T0 + 2 * MINUTE));
    assertThat(w.store().series("nobody")).isEmpty();
  }

  @Test
  void twoRollupsOfOneMinuteInOneBatchAreMerged() {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      store.write(
          minutes(
              new Rollup(
                  "h1", T0, Map.of("t", point(T0, 10, 10, 10, 1), "u", point(T0, 1, 1, 1, 1))),
              Rollup.of("h1", "t", point(T0, 20, 40, 50, 3))));

      assertThat(store.rollups("h1", "t", T0, T0, 10))
          .containsExactly(new RollupPoint(T0, 10, 32.5, 50, 4));
      assertThat(store.rollups("h1", "u", T0, T0, 10))
          .containsExactly(new RollupPoint(T0, 1, 1, 1, 1));
    }
  }

  @Test
  void aSensorThatStoppedReportingEndsAtItsLastMinute() {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      store.write(
          minutes(
              new Rollup(
                  "h1", T0, Map.of("t", point(T0, 1, 1, 1, 1), "usb", point(T0, 5, 5, 5, 1))),
              Rollup.of("h1", "t", point(T0 + MINUTE, 2, 2, 2, 1)),
              Rollup.of("h1", "t", point(T0 + 2 * MINUTE, 3, 3, 3, 1))));

      assertThat(store.series("h1"))
          .containsExactly(new SeriesInfo("t", T0, T0 + 2 * MINUTE), new SeriesInfo("usb", T0, T0));
      assertThat(store.rollups("h1", "usb", T0, T0 + 2 * MINUTE, 10))
          .containsExactly(new RollupPoint(T0, 5, 5, 5, 1));
    }
  }

  @Test
  void retentionRemovesOldRawAndOldRollupsAndKeepsTheRest() throws Exception {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
    SqliteHistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"));
    try (store) {
      List<Rollup> rollups =
          List.of(
              Rollup.of("h1", "t", new RollupPoint(T0 - 31 * 24 * HOUR, 1, 1, 1, 1)),
              Rollup.of("h1", "t", new RollupPoint(T0 - 2 * 24 * HOUR, 2, 2, 2, 1)));
      store.write(
          new HistoryBatch(
              List.of(
                  SampleRow.of(sample("h1", T0 - 25 * HOUR, Map.of("t", 1.0))),
                  SampleRow.of(sample("h1", T0 - HOUR, Map.of("t", 2.0)))),
              rollups,
              List.of(),
              List.of()));
      RetentionSweeper sweeper =
          new RetentionSweeper(store, Duration.ofHours(24), Duration.ofDays(30), clock);

      while (sweeper.step()) {
        // one step per batch of hosts
      }

      assertThat(store.raw("h1", "t", 0, Long.MAX_VALUE, 10))
          .containsExactly(new RawPoint(T0 - HOUR, 2.0));
      assertThat(store.rollups("h1", "t", 0, Long.MAX_VALUE, 10))
          .extracting(RollupPoint::minuteMs)
          .containsExactly(T0 - 2 * 24 * HOUR);
    }
  }

  @Test
  void eventsAreFoundByHostKindAndTimeNewestFirst() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.event(event("h1", T0, EventKind.DEVICE_ADDED, "usb:1"));
    w.event(event("h1", T0 + 1000, EventKind.DEVICE_REMOVED, "usb:1"));
    w.event(event("h2", T0 + 2000, EventKind.DEVICE_ADDED, "usb:2"));
    assertThat(w.flush(WAIT)).isTrue();

    assertThat(w.store().events(new RecordQuery("h1", null, 0, Long.MAX_VALUE, 10)))
        .extracting(
            json -> JsonParser.parseString(json).getAsJsonObject().get("kind").getAsString())
        .containsExactly("device.removed", "device.added");
    assertThat(w.store().events(new RecordQuery(null, "device.added", 0, Long.MAX_VALUE, 10)))
        .hasSize(2);
    assertThat(w.store().events(new RecordQuery(null, null, T0 + 500, T0 + 1500, 10)))
        .singleElement()
        .satisfies(json -> assertThat(json).contains("\"hostId\":\"h1\"", "device.removed"));
  }

  @Test
  void alertTransitionsKeepTheWholeAlertAndAreFoundByHostAndTime() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    Alert pending = alert("a-1", "h1", AlertState.PENDING, null);
    Alert firing = alert("a-1", "h1", AlertState.FIRING, null);
    Alert acked =
        alert("a-1", "h1", AlertState.FIRING, new Acknowledgement("alice", T0 + 3000, "on it"));
    w.alertChanged(pending, T0);
    w.alertChanged(firing, T0 + 2000);
    w.alertChanged(acked, T0 + 3000);
    w.alertChanged(alert("a-2", "h2", AlertState.FIRING, null), T0 + 4000);
    assertThat(w.flush(WAIT)).isTrue();

    List<String> h1 = w.store().alertTransitions(new RecordQuery("h1", null, 0, T0 + 5000, 10));
    assertThat(h1).hasSize(3);
    assertThat(JsonParser.parseString(h1.get(0)).getAsJsonObject().getAsJsonObject("ack"))
        .satisfies(ack -> assertThat(ack.get("by").getAsString()).isEqualTo("alice"));
    assertThat(JsonParser.parseString(h1.get(2)).getAsJsonObject().get("state").getAsString())
        .isEqualTo("pending");
    assertThat(w.store().alertTransitions(new RecordQuery(null, null, T0 + 1000, T0 + 2500, 10)))
        .singleElement()
        .satisfies(json -> assertThat(json).contains("\"state\":\"firing\""));
  }

  @Test
  void reopeningTheFileKeepsEverythingWritten() throws Exception {
    HistoryWriter w = writer(Clock.systemUTC());
    w.sample(sample("h1", T0, Map.of("t", 42.0)));
    w.event(event("h1", T0, EventKind.DEVICE_ADDED, "usb:1"));
    w.close();
    writer = null;

    HistoryWriter again = writer(Clock.systemUTC());
    again.sample(sample("h1", T0 + 1000, Map.of("t", 43.0, "u", 1.0)));
    assertThat(again.flush(WAIT)).isTrue();

    assertThat(again.store().raw("h1", "t", 0, Long.MAX_VALUE, 10))
        .containsExactly(new RawPoint(T0, 42.0), new RawPoint(T0 + 1000, 43.0));
    assertThat(again.store().rollups("h1", "t", T0, T0, 10))
        .containsExactly(new RollupPoint(T0, 42, 42.5, 43, 2));
    assertThat(again.store().events(new RecordQuery("h1", null, 0, Long.MAX_VALUE, 10))).hasSize(1);
  }

  /** A batch of minute rollups only. */
  private static HistoryBatch minutes(Rollup... rollups) {
    return new HistoryBatch(List.of(), List.of(rollups), List.of(), List.of());
  }

  private static RollupPoint point(long minuteMs, double min, double avg, double max, long n) {
    return new RollupPoint(minuteMs, min, avg, max, n);
  }

  static DeviceEvent event(String host, long tsMs, EventKind kind, String deviceId) {
    return new DeviceEvent(
        host, tsMs, kind, new Device(deviceId, DeviceKind.USB, "stick", Map.of()), null);
  }

  static Alert alert(String id, String host, AlertState state, Acknowledgement ack) {
    return new Alert(
        id,
        "cpu-hot",
        host,
        host + "-name",
        "cpu.temp",
        Severity.CRITICAL,
        state,
        "hot",
        92.5,
        85.0,
        T0,
        state == AlertState.FIRING ? T0 + 2000 : null,
        null,
        ack);
  }
}
