package dev.vigil.ui.host;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.catalog;
import static dev.vigil.ui.Fixtures.online;
import static dev.vigil.ui.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.alerts.AlertAcknowledger;
import dev.vigil.ui.history.HistorySource;
import dev.vigil.ui.history.SeriesPoints;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host charts' longer windows: backfilled from the relay's history, then continued live. The
 * history is a stand-in here ({@link Requests}, answering when the test says), because this is the
 * view model's logic; the real relay's history API is exercised in {@code RelayHistoryClientTest}.
 */
@Timeout(10)
class HostChartHistoryTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final Requests history = new Requests();
  private final HostPageViewModel page =
      new HostPageViewModel(
          state,
          clock,
          ZoneOffset.UTC,
          new AlertAcknowledger(state, m -> false),
          m -> false,
          () -> {});

  /** Records every request; each completes when the test completes it. */
  private static final class Requests implements HistorySource {
    record Request(
        String hostId,
        String sensorId,
        long fromMs,
        long toMs,
        CompletableFuture<SeriesPoints> answer) {}

    final List<Request> seen = new ArrayList<>();

    @Override
    public CompletableFuture<SeriesPoints> series(
        String hostId, String sensorId, long fromMs, long toMs) {
      CompletableFuture<SeriesPoints> answer = new CompletableFuture<>();
      seen.add(new Request(hostId, sensorId, fromMs, toMs, answer));
      return answer;
    }
  }

  @BeforeEach
  void hostWithLiveSamples() {
    Fixtures.connect(state);
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    apply(state, sample("h1", T0 - 30_000, Map.of(CPU_TEMP.id(), 50.0)));
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 51.0)));
    page.useHistory(history, Runnable::run);
    page.show("h1");
  }

  private static SeriesPoints stored(long[] times, double[] values) {
    return new SeriesPoints("h1", CPU_TEMP.id(), "raw", times, values);
  }

  @Test
  void fiveMinuteWindowAsksTheHistoryNothing() {
    assertThat(page.getWindow()).isEqualTo(ChartWindow.FIVE_MINUTES);
    assertThat(history.seen).isEmpty();
  }

  @Test
  void oneHourWindowAsksForTheHourOfEveryChartedSensor() {
    page.showWindow(ChartWindow.ONE_HOUR);

    assertThat(history.seen).hasSize(1);
    Requests.Request request = history.seen.get(0);
    assertThat(request.sensorId()).isEqualTo(CPU_TEMP.id());
    assertThat(request.toMs() - request.fromMs()).isEqualTo(3_600_000L);
    assertThat(page.getHistoryText()).isEqualTo("loading 1 h of history…");
  }

  @Test
  void backfilledPointsComeBeforeTheLiveOnesInMinutesAgo() {
    page.showWindow(ChartWindow.ONE_HOUR);
    history
        .seen
        .get(0)
        .answer()
        .complete(
            stored(
                new long[] {T0 - 3_000_000, T0 - 1_200_000, T0 - 30_000},
                new double[] {40.0, 45.0, 99.0}));

    ChartFrame frame = page.getChart(ChartGroup.TEMPERATURES);
    ChartLine line = frame.lines().get(0);
    // The stored point at the first live sample's time is not drawn twice: the live one wins.
    assertThat(line.values()).containsExactly(40.0, 45.0, 50.0, 51.0);
    assertThat(line.secondsAgo()[0]).isCloseTo(-50.0, within(1e-9));
    assertThat(line.secondsAgo()[1]).isCloseTo(-20.0, within(1e-9));
    assertThat(frame.timeAxisLabel()).isEqualTo("minutes ago");
    assertThat(frame.timeAxis().lower()).isEqualTo(-60);
    assertThat(page.getHistoryText()).isEmpty();
  }

  @Test
  void aBackfilledChartContinuesLive() {
    page.showWindow(ChartWindow.ONE_HOUR);
    history.seen.get(0).answer().complete(stored(new long[] {T0 - 1_200_000}, new double[] {45.0}));
    clock.advance(1_000);
    apply(state, sample("h1", clock.millis(), Map.of(CPU_TEMP.id(), 52.0)));

    ChartLine line = page.getChart(ChartGroup.TEMPERATURES).lines().get(0);
    assertThat(line.values()).containsExactly(45.0, 50.0, 51.0, 52.0);
  }

  @Test
  void aFailingHistoryIsSaidAndTheLiveSamplesStay() {
    page.showWindow(ChartWindow.ONE_DAY);
    history
        .seen
        .get(0)
        .answer()
        .completeExceptionally(new IllegalStateException("history unavailable: unknown host"));

    assertThat(page.getHistoryText()).isEqualTo("history unavailable: unknown host");
    assertThat(page.getChart(ChartGroup.TEMPERATURES).lines().get(0).values())
        .containsExactly(50.0, 51.0);
  }

  @Test
  void anAnswerForAWindowLeftMeanwhileIsIgnored() {
    page.showWindow(ChartWindow.SEVEN_DAYS);
    page.showWindow(ChartWindow.ONE_HOUR);
    history
        .seen
        .get(0)
        .answer()
        .complete(stored(new long[] {T0 - 3 * 86_400_000L}, new double[] {1.0}));

    assertThat(page.getChart(ChartGroup.TEMPERATURES).lines().get(0).values())
        .containsExactly(50.0, 51.0);
    assertThat(page.getHistoryText()).isEqualTo("loading 1 h of history…");
  }

  @Test
  void chartCsvHasEveryPointWithItsUtcTime() {
    String csv = page.chartCsv(ChartGroup.TEMPERATURES);

    assertThat(csv.split("\n"))
        .containsExactly(
            "time_utc,host_id,sensor_id,sensor,value",
            java.time.Instant.ofEpochMilli(T0 - 30_000)
                + ",h1,"
                + CPU_TEMP.id()
                + ",CPU package,50.0",
            java.time.Instant.ofEpochMilli(T0) + ",h1," + CPU_TEMP.id() + ",CPU package,51.0");
  }

  @Test
  void zoomingShowsOnlyTheChosenStretchOnItsOwnAxisUntilReset() {
    page.showWindow(ChartWindow.ONE_HOUR);
    history
        .seen
        .get(0)
        .answer()
        .complete(stored(new long[] {T0 - 3_000_000, T0 - 1_200_000}, new double[] {40.0, 45.0}));

    page.zoomTo(-55, -10);

    ChartFrame zoomed = page.getChart(ChartGroup.TEMPERATURES);
    assertThat(zoomed.lines().get(0).values()).containsExactly(40.0, 45.0);
    assertThat(zoomed.timeAxis().lower()).isCloseTo(-55.0, within(1e-6));
    assertThat(zoomed.timeAxis().upper()).isCloseTo(-10.0, within(1e-6));
    assertThat(page.zoomedProperty().get()).isTrue();

    page.resetZoom();
    assertThat(page.getChart(ChartGroup.TEMPERATURES).lines().get(0).values())
        .containsExactly(40.0, 45.0, 50.0, 51.0);
    assertThat(page.zoomedProperty().get()).isFalse();
  }

  @Test
  void aZoomShorterThanFiveSecondsIsIgnored() {
    page.zoomTo(-10, -8);

    assertThat(page.zoomedProperty().get()).isFalse();
  }

  @Test
  void hoverFindsTheNearestPoint() {
    double[] xs = {-50, -20, -0.5, 0};
    assertThat(LiveChart.nearestIndex(xs, -40)).isEqualTo(0);
    assertThat(LiveChart.nearestIndex(xs, -30)).isEqualTo(1);
    assertThat(LiveChart.nearestIndex(xs, -0.2)).isEqualTo(3);
    assertThat(LiveChart.nearestIndex(new double[0], 1)).isEqualTo(-1);
  }
}
