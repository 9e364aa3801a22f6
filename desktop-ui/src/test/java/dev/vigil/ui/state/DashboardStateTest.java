package dev.vigil.ui.state;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.catalog;
import static dev.vigil.ui.Fixtures.online;
import static dev.vigil.ui.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DashboardStateTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);

  @Test
  void samplesTrackMinAndMaxSinceTheDashboardStartedWatching() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP));
    for (double v : new double[] {55, 71.5, 48, 60}) {
      clock.advance(1_000);
      apply(state, sample("h1", clock.millis(), Map.of(CPU_TEMP.id(), v)));
    }

    HostModel host = state.host("h1").orElseThrow();
    assertThat(host.range(CPU_TEMP.id()).orElseThrow().min()).isEqualTo(48);
    assertThat(host.range(CPU_TEMP.id()).orElseThrow().max()).isEqualTo(71.5);
    assertThat(host.latest(CPU_TEMP.id()).getAsDouble()).isEqualTo(60);
  }

  @Test
  void replayedOlderSampleDoesNotReplaceTheLatestValue() {
    apply(state, online("h1", "rack-01"), sample("h1", T0 + 5_000, Map.of(CPU_TEMP.id(), 60.0)));
    apply(state, sample("h1", T0 + 1_000, Map.of(CPU_TEMP.id(), 99.0)));

    HostModel host = state.host("h1").orElseThrow();
    assertThat(host.latest(CPU_TEMP.id()).getAsDouble()).isEqualTo(60);
    assertThat(host.range(CPU_TEMP.id()).orElseThrow().max()).isEqualTo(99);
  }

  @Test
  void snapshotReplacesHostsAndAlertsButKeepsHistoryOfHostsStillThere() {
    apply(
        state,
        online("h1", "rack-01"),
        online("gone", "old"),
        sample("h1", T0, Map.of(CPU_TEMP.id(), 50.0)));
    List<Changes> seen = new ArrayList<>();
    state.addListener(seen::add);

    apply(
        state,
        Fixtures.snapshot(
            List.of(
                new HostSnapshot(
                    online("h1", "rack-01"),
                    null,
                    sample("h1", T0 + 1_000, Map.of(CPU_TEMP.id(), 52.0)),
                    null)),
            List.of(alert("a1", "h1", Severity.CRITICAL, AlertState.FIRING, T0))));

    assertThat(state.hosts()).extracting(HostModel::hostId).containsExactly("h1");
    assertThat(state.host("h1").orElseThrow().history(CPU_TEMP.id()).orElseThrow().size())
        .isEqualTo(2);
    assertThat(state.alerts()).hasSize(1);
    assertThat(seen).singleElement().satisfies(c -> assertThat(c.resynced()).isTrue());
  }

  @Test
  void eventsAreKeptNewestFirstUpToTheLimit() {
    Device usb = new Device("usb:1", DeviceKind.USB, "stick", Map.of());
    for (int i = 0; i < DashboardState.EVENT_HISTORY_LIMIT + 5; i++) {
      apply(state, new DeviceEvent("h1", T0 + i, EventKind.DEVICE_ADDED, usb, Map.of()));
    }

    assertThat(state.events()).hasSize(DashboardState.EVENT_HISTORY_LIMIT);
    assertThat(state.events().get(0).timestampMs())
        .isEqualTo(T0 + DashboardState.EVENT_HISTORY_LIMIT + 4);
  }

  @Test
  void removalEventTakesTheDeviceOutOfTheInventory() {
    Device usb = new Device("usb:1", DeviceKind.USB, "stick", Map.of());
    apply(state, online("h1", "rack-01"));
    apply(state, new DeviceEvent("h1", T0, EventKind.DEVICE_ADDED, usb, Map.of()));
    apply(state, new DeviceEvent("h1", T0 + 1, EventKind.DEVICE_REMOVED, usb, Map.of()));

    assertThat(state.host("h1").orElseThrow().devices()).isEmpty();
  }

  @Test
  void resolvedAlertsLeaveTheListAfterTheRetention() {
    apply(state, alert("a1", "h1", Severity.WARNING, AlertState.RESOLVED, T0));
    assertThat(state.alerts()).hasSize(1);

    clock.advance(DashboardState.RESOLVED_ALERT_RETENTION_MS + 2_000);
    apply(state, online("h1", "rack-01"));

    assertThat(state.alerts()).isEmpty();
  }

  @Test
  void findHostTakesTheIdThenTheExactNameThenTheNameIgnoringCase() {
    apply(state, online("h1", "rack-01"), online("h2", "RACK-01"), online("h3", "rack-01"));

    assertThat(state.findHost("h2").map(HostModel::hostId)).contains("h2");
    assertThat(state.findHost("rack-01").map(HostModel::hostId)).contains("h1");
    assertThat(state.findHost("RACK-01").map(HostModel::hostId)).contains("h2");
    assertThat(state.findHost("Rack-01").map(HostModel::hostId)).contains("h1");
    assertThat(state.findHost("nope")).isEmpty();
  }
}
