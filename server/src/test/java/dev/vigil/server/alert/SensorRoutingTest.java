package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine keeps per-host routes from sensors to detectors and skips quiet observations; these
 * tests show that what it keeps never hides a change of catalog, host name or open alerts.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SensorRoutingTest {
  private static final AlertRule HOT_ANY_KIND =
      AlertRule.above("hot", "probe.*", 80, 75, Duration.ZERO, Severity.WARNING);
  private static final AlertRule HOT_PENDING =
      AlertRule.above("hot-pending", "probe.*", 80, 75, Duration.ofSeconds(10), Severity.WARNING);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private AlertEngine engine(AlertDetector... detectors) {
    return new AlertEngine(List.of(detectors), new AlertBook("t"), clock);
  }

  private static SensorInfo temperature(String id, String label, Double highLimit) {
    return new SensorInfo(
        id, label, SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "t", null, null, highLimit);
  }

  private Sample sample(TestHost host, String sensorId, double value) {
    return new Sample(host.hostId(), clock.millis(), Map.of(sensorId, value));
  }

  @Test
  void catalogThatAddsAHardwareLimitIsSeenByTheNextSample() {
    TestHost host = new TestHost("h1", "rack-07").with(temperature("probe.1", "Probe", null));
    AlertEngine engine = engine(new TemperatureLimitDetector());
    assertThat(engine.onSample(host, sample(host, "probe.1", 96))).isEmpty();

    host.with(temperature("probe.1", "Probe", 95.0));

    assertThat(engine.onSample(host, sample(host, "probe.1", 96)))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.PENDING);
  }

  @Test
  void catalogThatRelabelsASensorChangesTheMessage() {
    TestHost host = new TestHost("h1", "rack-07").with(temperature("probe.1", "Old label", null));
    AlertEngine engine = engine(new ThresholdDetector(HOT_ANY_KIND));
    engine.onSample(host, sample(host, "probe.1", 90));
    engine.onSample(host, sample(host, "probe.1", 70));

    host.with(temperature("probe.1", "New label", null));

    assertThat(engine.onSample(host, sample(host, "probe.1", 90)))
        .singleElement()
        .extracting(Alert::message)
        .isEqualTo("New label 90 °C ≥ 80 °C on rack-07");
  }

  @Test
  void hostRenamedIntoTheHostPatternIsMatched() {
    TestHost host = new TestHost("h1", "db-1").with(temperature("probe.1", "Probe", null));
    AlertEngine engine = engine(new ThresholdDetector(HOT_ANY_KIND.onHosts("rack-*")));
    assertThat(engine.onSample(host, sample(host, "probe.1", 90))).isEmpty();

    host.name = "rack-07";

    assertThat(engine.onSample(host, sample(host, "probe.1", 90)))
        .singleElement()
        .extracting(Alert::hostName)
        .isEqualTo("rack-07");
  }

  @Test
  void hostRenamedOutOfTheHostPatternIsNoLongerMatched() {
    TestHost host = new TestHost("h1", "rack-07").with(temperature("probe.1", "Probe", null));
    AlertEngine engine = engine(new ThresholdDetector(HOT_ANY_KIND.onHosts("rack-*")));
    engine.onSample(host, sample(host, "probe.1", 90));
    engine.onSample(host, sample(host, "probe.1", 70));

    host.name = "db-1";

    assertThat(engine.onSample(host, sample(host, "probe.1", 90))).isEmpty();
  }

  @Test
  void anotherHostObjectWithTheSameIdIsJudgedByItsOwnCatalog() {
    TestHost first = new TestHost("h1", "rack-07").with(temperature("probe.1", "Probe", null));
    TestHost second = new TestHost("h1", "rack-07").with(temperature("probe.1", "Probe", 95.0));
    AlertEngine engine = engine(new TemperatureLimitDetector());
    engine.onSample(first, sample(first, "probe.1", 96));

    assertThat(engine.onSample(second, sample(second, "probe.1", 96))).hasSize(1);
  }

  @Test
  void sensorMissingFromTheCatalogIsJudgedByARuleOfAnyKind() {
    TestHost host = new TestHost("h1", "rack-07");
    AlertEngine engine = engine(new ThresholdDetector(HOT_ANY_KIND));

    assertThat(engine.onSample(host, sample(host, "probe.unlisted", 90)))
        .singleElement()
        .extracting(Alert::message)
        .isEqualTo("probe.unlisted 90 ≥ 80 on rack-07");
  }

  @Test
  void sensorsBeyondTheRoutesKeptPerHostAreStillJudged() {
    TestHost host = new TestHost("h1", "rack-07");
    AlertEngine engine = engine(new ThresholdDetector(HOT_ANY_KIND));
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < SensorRoutes.MAX_SENSORS_PER_HOST + 10; i++) {
      values.put("probe." + i, 90.0);
    }
    Sample hot = new Sample("h1", clock.millis(), values);
    engine.onSample(host, hot);
    values.replaceAll((id, value) -> 70.0);

    List<Alert> resolved = engine.onSample(host, new Sample("h1", clock.millis(), values));

    assertThat(resolved).hasSize(values.size()).allMatch(a -> a.state() == AlertState.RESOLVED);
  }

  @Test
  void pendingAlertResolvesOnItsHostsQuietSampleAfterAQuietHostsSample() {
    TestHost hot = new TestHost("h1", "rack-07");
    TestHost quiet = new TestHost("h2", "rack-08");
    AlertEngine engine = engine(new ThresholdDetector(HOT_PENDING));
    engine.onSample(hot, sample(hot, "probe.1", 90));
    assertThat(engine.onSample(quiet, sample(quiet, "probe.1", 70))).isEmpty();

    List<Alert> changes = engine.onSample(hot, sample(hot, "probe.1", 70));

    assertThat(changes)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.hostId()).isEqualTo("h1");
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            });
  }

  @Test
  void secondPendingAlertOfAHostStillResolvesAfterTheFirstHasEnded() {
    TestHost host = new TestHost("h1", "rack-07");
    AlertEngine engine = engine(new ThresholdDetector(HOT_PENDING));
    engine.onSample(host, sample(host, "probe.1", 90));
    engine.onSample(host, sample(host, "probe.2", 90));
    engine.onSample(host, sample(host, "probe.1", 70));

    List<Alert> changes = engine.onSample(host, sample(host, "probe.2", 70));

    assertThat(changes)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.sensorId()).isEqualTo("probe.2");
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            });
  }

  @Test
  void fanSeenSpinningIsRememberedAcrossCatalogChanges() {
    SensorInfo fan = SensorInfo.present("fan.cpu", "cpu_fan", SensorKind.FAN, SensorUnit.RPM, "t");
    TestHost host = new TestHost("h1", "rack-07").with(fan);
    AlertEngine engine = engine(new FanStoppedDetector());
    engine.onSample(host, sample(host, "fan.cpu", 1200));

    host.with(fan);

    assertThat(engine.onSample(host, sample(host, "fan.cpu", 0)))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.PENDING);
  }

  @Test
  void hostsBeyondTheRoutesKeptAreForgottenOldestFirstAndRoutedAgain() {
    SensorRoutes routes = new SensorRoutes(List.of(new ThresholdDetector(HOT_ANY_KIND)), 2);
    SampleBatch batch = new SampleBatch(1);
    ObservationSink sink = new ObservationSink(new AlertBook("t"));
    List<Alert> changes = new ArrayList<>();
    Map<String, TestHost> hosts = new HashMap<>();
    List<Map.Entry<String, Double>> samples =
        List.of(
            Map.entry("h1", 90.0),
            Map.entry("h2", 90.0),
            Map.entry("h3", 90.0),
            Map.entry("h1", 70.0));
    for (Map.Entry<String, Double> s : samples) {
      TestHost host = hosts.computeIfAbsent(s.getKey(), id -> new TestHost(id, id));
      sink.begin(host.hostId(), clock.millis(), changes);
      routes.route(host, sample(host, "probe.1", s.getValue()), batch);
      batch.judge(0, host, sink);
    }

    assertThat(routes.hostCount()).isEqualTo(2);
    assertThat(changes)
        .extracting(Alert::hostId, Alert::state)
        .containsExactly(
            tuple("h1", AlertState.FIRING),
            tuple("h2", AlertState.FIRING),
            tuple("h3", AlertState.FIRING),
            tuple("h1", AlertState.RESOLVED));
  }
}
