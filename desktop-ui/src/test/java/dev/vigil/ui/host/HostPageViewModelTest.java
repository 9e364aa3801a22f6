package dev.vigil.ui.host;

import static dev.vigil.ui.Fixtures.ABSENT_FANS;
import static dev.vigil.ui.Fixtures.ABSENT_TEMP;
import static dev.vigil.ui.Fixtures.CPU_LOAD;
import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.catalog;
import static dev.vigil.ui.Fixtures.online;
import static dev.vigil.ui.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.alerts.AlertAcknowledger;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HostPageViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private int backs;
  private final HostPageViewModel page =
      new HostPageViewModel(
          state,
          clock,
          ZoneOffset.UTC,
          new AlertAcknowledger(state, m -> false),
          m -> false,
          () -> backs++);

  @BeforeEach
  void connect() {
    Fixtures.connect(state);
  }

  @Test
  void absentSensorShowsItsReasonInsteadOfAValue() {
    apply(state, online("vm", "vm-01"), catalog("vm", ABSENT_TEMP, CPU_LOAD));
    page.show("vm");

    SensorRowViewModel row = page.sensorRow(ABSENT_TEMP.id());
    assertThat(row.isAbsent()).isTrue();
    assertThat(row.getValueText())
        .isEqualTo("absent: no CPU temperature sensor exposed (virtual machine: KVM)");
    assertThat(row.getMinText()).isEmpty();
  }

  @Test
  void sensorRowShowsCurrentValueAndRangeWithUnit() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    page.show("h1");
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 40.0)));
    apply(state, sample("h1", T0 + 1_000, Map.of(CPU_TEMP.id(), 75.0)));
    apply(state, sample("h1", T0 + 2_000, Map.of(CPU_TEMP.id(), 55.0)));

    SensorRowViewModel row = page.sensorRow(CPU_TEMP.id());
    assertThat(row.getValueText()).isEqualTo("55.0 °C");
    assertThat(row.getMinText()).isEqualTo("40.0 °C");
    assertThat(row.getMaxText()).isEqualTo("75.0 °C");
  }

  @Test
  void chartPlotsTheWindowInSecondsAgo() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    long tooOld = T0 - (HostPageViewModel.CHART_WINDOW_SECONDS + 5) * 1_000L;
    apply(state, sample("h1", tooOld, Map.of(CPU_TEMP.id(), 1.0)));
    apply(state, sample("h1", T0 - 30_000, Map.of(CPU_TEMP.id(), 50.0)));
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 51.0)));
    page.show("h1");

    ChartLine line = page.getChart(ChartGroup.TEMPERATURES).lines().get(0);
    assertThat(line.label()).isEqualTo("CPU package");
    assertThat(line.secondsAgo()).containsExactly(-30.0, 0.0);
    assertThat(line.values()).containsExactly(50.0, 51.0);
  }

  @Test
  void chartTimeAxisSpansTheDataHeldButAtLeastOneMinute() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    apply(state, sample("h1", T0 - 20_000, Map.of(CPU_TEMP.id(), 50.0)));
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 51.0)));
    page.show("h1");
    assertThat(page.getChart(ChartGroup.TEMPERATURES).timeAxis().lower()).isEqualTo(-60);

    clock.advance(130_000);
    apply(state, sample("h1", clock.millis(), Map.of(CPU_TEMP.id(), 52.0)));

    AxisRange x = page.getChart(ChartGroup.TEMPERATURES).timeAxis();
    assertThat(x.lower()).isEqualTo(-150);
    assertThat(x.upper()).isZero();
  }

  @Test
  void chartValueAxisFollowsTheValuesNotZero() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    apply(state, sample("h1", T0 - 1_000, Map.of(CPU_TEMP.id(), 61.0)));
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 64.0)));
    page.show("h1");

    AxisRange y = page.getChart(ChartGroup.TEMPERATURES).valueAxis();
    assertThat(y.lower()).isGreaterThan(50).isLessThan(61);
    assertThat(y.upper()).isGreaterThan(64).isLessThan(75);
  }

  @Test
  void pageOpenedBeforeTheSnapshotWaitsForItInsteadOfCallingTheHostUnknown() {
    page.show("h1");
    assertThat(page.getStatusText()).isEqualTo("waiting for the relay's snapshot");

    apply(state, Fixtures.snapshot(List.of(), List.of()));

    assertThat(page.getStatusText()).isEqualTo("unknown to the relay (it may have been removed)");
  }

  @Test
  void alertStripFollowsTheShownHost() {
    apply(
        state,
        online("h1", "rack-01"),
        Fixtures.alert("a", "h1", Severity.CRITICAL, AlertState.FIRING, T0));

    page.show("h1");

    assertThat(page.alertStrip().rows()).extracting(r -> r.alertId()).containsExactly("a");
  }

  @Test
  void emptyChartSaysWhyItsSensorsAreAbsent() {
    apply(state, online("vm", "vm-01"), catalog("vm", ABSENT_FANS));
    page.show("vm");

    ChartFrame fans = page.getChart(ChartGroup.FANS);
    assertThat(fans.lines()).isEmpty();
    assertThat(fans.placeholder()).isEqualTo("No fan sensors: no fans reported");
  }

  @Test
  void chartKeepsTotalLoadFirstAndSaysHowManyLinesAreLeftOut() {
    SensorInfo[] sensors = new SensorInfo[12];
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < 11; i++) {
      sensors[i] =
          SensorInfo.present(
              "cpu.core." + i + ".load", "core " + i, SensorKind.LOAD, SensorUnit.PERCENT, "oshi");
      values.put(sensors[i].id(), 10.0 + i);
    }
    sensors[11] = CPU_LOAD;
    values.put(CPU_LOAD.id(), 15.0);
    apply(state, online("h1", "big"), catalog("h1", sensors), sample("h1", T0, values));
    page.show("h1");

    ChartFrame load = page.getChart(ChartGroup.LOAD);
    assertThat(load.lines()).hasSize(HostPageViewModel.MAX_LINES_PER_CHART);
    assertThat(load.lines().get(0).sensorId()).isEqualTo(CPU_LOAD.id());
    assertThat(load.title()).isEqualTo("Load (8 of 12 shown)");
  }

  @Test
  void backLeavesThePage() {
    page.back();

    assertThat(backs).isEqualTo(1);
  }
}
