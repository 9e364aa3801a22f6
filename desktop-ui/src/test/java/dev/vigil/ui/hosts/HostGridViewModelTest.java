package dev.vigil.ui.hosts;

import static dev.vigil.ui.Fixtures.ABSENT_FANS;
import static dev.vigil.ui.Fixtures.ABSENT_TEMP;
import static dev.vigil.ui.Fixtures.CPU_LOAD;
import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static dev.vigil.ui.Fixtures.FAN1;
import static dev.vigil.ui.Fixtures.FAN2;
import static dev.vigil.ui.Fixtures.NVME_TEMP;
import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.catalog;
import static dev.vigil.ui.Fixtures.online;
import static dev.vigil.ui.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.state.DashboardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HostGridViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final List<String> opened = new ArrayList<>();
  private final HostGridViewModel grid = new HostGridViewModel(state, clock, opened::add);

  @BeforeEach
  void connect() {
    Fixtures.connect(state);
  }

  @Test
  void tileShowsTheHottestTemperatureWithItsLabel() {
    apply(
        state,
        online("h1", "rack-01"),
        catalog("h1", CPU_TEMP, NVME_TEMP),
        sample("h1", T0, Map.of(CPU_TEMP.id(), 61.0, NVME_TEMP.id(), 67.25)));

    assertThat(grid.tile("h1").getHottestText()).isEqualTo("Hottest 67.3 °C (Composite)");
  }

  @Test
  void newSampleUpdatesTheShownValue() {
    apply(state, online("h1", "rack-01"), catalog("h1", CPU_TEMP, CPU_LOAD));
    apply(state, sample("h1", T0, Map.of(CPU_TEMP.id(), 50.0, CPU_LOAD.id(), 10.0)));
    apply(state, sample("h1", T0 + 1_000, Map.of(CPU_TEMP.id(), 52.0, CPU_LOAD.id(), 42.0)));

    assertThat(grid.tile("h1").getHottestText()).startsWith("Hottest 52.0 °C");
    assertThat(grid.tile("h1").getCpuLoadText()).isEqualTo("CPU load 42.0 %");
  }

  @Test
  void absentTemperatureSaysWhyInsteadOfZero() {
    apply(state, online("vm", "vm-01"), catalog("vm", ABSENT_TEMP, ABSENT_FANS));

    assertThat(grid.tile("vm").getHottestText())
        .isEqualTo("No temperature sensors (virtual machine)");
    assertThat(grid.tile("vm").getFansText()).isEqualTo("No fan sensors (no fans reported)");
    assertThat(grid.tile("vm").isHottestAbsent()).isTrue();
    assertThat(grid.tile("vm").isFansAbsent()).isTrue();
  }

  @Test
  void longAbsentReasonsShowTheirCauseOnTheTileAndInFullInTheTooltip() {
    String vm = "(virtual machine: unknown hypervisor)";
    apply(
        state,
        online("vm", "vm-01"),
        catalog(
            "vm",
            absentTemp("cpu.package.temperature", "no CPU temperature sensor exposed " + vm),
            absentTemp("hwmon", "no hwmon chips exposed " + vm),
            SensorInfo.absent(
                "fan.1", "fans", SensorKind.FAN, SensorUnit.RPM, "oshi", "no fans reported " + vm),
            CPU_LOAD));

    HostTileViewModel tile = grid.tile("vm");
    assertThat(tile.getHottestText()).isEqualTo("No temperature sensors (virtual machine)");
    assertThat(tile.getFansText()).isEqualTo("No fan sensors (virtual machine)");
    assertThat(tile.getTooltipText())
        .contains(
            "No temperature sensors: no CPU temperature sensor exposed "
                + vm
                + "; no hwmon chips exposed "
                + vm)
        .contains("No fan sensors: no fans reported " + vm);
  }

  private static SensorInfo absentTemp(String id, String reason) {
    return SensorInfo.absent(id, id, SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "oshi", reason);
  }

  @Test
  void fansShowCountAndSlowest() {
    apply(
        state,
        online("h1", "rack-01"),
        catalog("h1", FAN1, FAN2),
        sample("h1", T0, Map.of(FAN1.id(), 1200.0, FAN2.id(), 812.0)));

    assertThat(grid.tile("h1").getFansText()).isEqualTo("2 fans, min 812 rpm");
    assertThat(grid.tile("h1").isFansAbsent()).isFalse();
  }

  @Test
  void fanThatWasSpinningAndNowReadsBelow100RpmWarnsThatItStopped() {
    apply(
        state,
        online("h1", "rack-01"),
        catalog("h1", FAN1, FAN2),
        sample("h1", T0, Map.of(FAN1.id(), 1200.0, FAN2.id(), 900.0)));
    assertThat(grid.tile("h1").isFansWarning()).isFalse();

    apply(state, sample("h1", T0 + 1_000, Map.of(FAN1.id(), 1210.0, FAN2.id(), 0.0)));

    assertThat(grid.tile("h1").getFansText()).isEqualTo("fan2 stopped (0 rpm) · 2 fans");
    assertThat(grid.tile("h1").isFansWarning()).isTrue();
  }

  @Test
  void fanNeverSeenSpinningIsNotCalledStopped() {
    apply(
        state,
        online("h1", "rack-01"),
        catalog("h1", FAN1, FAN2),
        sample("h1", T0, Map.of(FAN1.id(), 1200.0, FAN2.id(), 0.0)));

    assertThat(grid.tile("h1").getFansText()).isEqualTo("2 fans, min 0 rpm");
    assertThat(grid.tile("h1").isFansWarning()).isFalse();
  }

  @Test
  void activeAlertOnAFanWarnsOnTheTile() {
    apply(
        state,
        online("h1", "rack-01"),
        catalog("h1", FAN1, FAN2),
        sample("h1", T0, Map.of(FAN1.id(), 1200.0, FAN2.id(), 0.0)));
    Alert fanAlert =
        new Alert(
            "f",
            "fan-stopped",
            "h1",
            "rack-01",
            FAN2.id(),
            Severity.CRITICAL,
            AlertState.FIRING,
            "Fan fan2 stopped",
            0.0,
            100.0,
            T0,
            T0,
            null,
            null);

    apply(state, fanAlert);

    assertThat(grid.tile("h1").getFansText()).isEqualTo("fan2 stopped (0 rpm) · 2 fans");
    assertThat(grid.tile("h1").isFansWarning()).isTrue();
    apply(state, fanAlert.withState(AlertState.RESOLVED, 900.0, T0, T0 + 9_000));
    assertThat(grid.tile("h1").isFansWarning()).isFalse();
  }

  @Test
  void staleHostShowsTheRelayReasonAndWhenItWasLastSeen() {
    clock.set(T0 + 20_000);
    apply(state, Fixtures.status("h1", HostState.STALE, T0, "no sample for 15 s"));

    HostTileViewModel tile = grid.tile("h1");
    assertThat(tile.getStatusKind()).isEqualTo(StatusKind.STALE);
    assertThat(tile.getStatusText()).isEqualTo("stale: no sample for 15 s · last seen 20 s ago");
  }

  @Test
  void offlineHostShowsWhyItIsOffline() {
    apply(state, Fixtures.status("h1", HostState.OFFLINE, T0, "agent stopped"));

    assertThat(grid.tile("h1").getStatusKind()).isEqualTo(StatusKind.OFFLINE);
    assertThat(grid.tile("h1").getStatusText()).startsWith("offline: agent stopped");
  }

  @Test
  void onlineHostIsShownStaleWhileTheRelayLinkIsDown() {
    apply(state, online("h1", "rack-01"));
    state.apply(
        List.of(
            new RelayEvent.StatusChanged(
                ConnectionStatus.reconnecting("connection dropped", T0 + 2_000))));

    assertThat(grid.tile("h1").getStatusKind()).isEqualTo(StatusKind.STALE);
    assertThat(grid.tile("h1").getStatusText()).startsWith("not live: relay link down");
  }

  @Test
  void lastSeenCountsTheNewestSampleNotJustTheLastStatusMessage() {
    apply(state, online("h1", "rack-01"), sample("h1", T0 + 50_000, Map.of(CPU_TEMP.id(), 50.0)));
    clock.set(T0 + 60_000);
    state.apply(
        List.of(
            new RelayEvent.StatusChanged(ConnectionStatus.reconnecting("dropped", T0 + 61_000))));

    assertThat(grid.tile("h1").getStatusText()).endsWith("last seen 10 s ago");
  }

  @Test
  void alertBadgeCountsActiveAlertsAndTakesTheWorstSeverity() {
    apply(
        state,
        online("h1", "rack-01"),
        alert("a1", "h1", Severity.WARNING, AlertState.FIRING, T0),
        alert("a2", "h1", Severity.CRITICAL, AlertState.PENDING, T0),
        alert("a3", "h1", Severity.CRITICAL, AlertState.RESOLVED, T0));

    assertThat(grid.tile("h1").getAlertText()).isEqualTo("2 alerts");
    assertThat(grid.tile("h1").getAlertSeverity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void searchFiltersByNameIdOrLabel() {
    apply(
        state,
        online("h1", "rack-01"),
        online("h2", "lab-scope"),
        new HostStatus(
            "h3", "office-7", HostState.ONLINE, T0, Map.of("site", "berlin"), false, null, null));

    grid.searchTextProperty().set("LAB");
    assertThat(grid.visibleTiles()).extracting(HostTileViewModel::hostId).containsExactly("h2");
    grid.searchTextProperty().set("site=berl");
    assertThat(grid.visibleTiles()).extracting(HostTileViewModel::hostId).containsExactly("h3");
    grid.searchTextProperty().set("h1");
    assertThat(grid.visibleTiles()).extracting(HostTileViewModel::hostId).containsExactly("h1");
  }

  @Test
  void tilesAreSortedByNameAndSimulatedHostsAreMarked() {
    apply(
        state,
        online("b", "zeta"),
        new HostStatus("a", "sim-01", HostState.ONLINE, T0, Map.of(), true, null, null));

    assertThat(grid.tiles())
        .extracting(HostTileViewModel::getName)
        .containsExactly("sim-01", "zeta");
    assertThat(grid.tile("a").isSimulated()).isTrue();
    assertThat(grid.getSummaryText()).contains("1 SIMULATED");
  }

  @Test
  void openingATileNavigatesToThatHost() {
    apply(state, online("h1", "rack-01"));

    grid.open(grid.tile("h1"));

    assertThat(opened).containsExactly("h1");
  }
}
