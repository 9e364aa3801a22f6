package dev.vigil.ui.alerts;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.online;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ActiveAlertsPanelViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final List<String> opened = new ArrayList<>();
  private final ActiveAlertsPanelViewModel panel =
      new ActiveAlertsPanelViewModel(state, clock, ZoneOffset.UTC, opened::add, true);

  @Test
  void listsActiveAlertsOfEveryHostWorstSeverityFirst() {
    apply(
        state,
        online("h1", "rack-01"),
        online("h2", "rack-02"),
        alert("info", "h1", Severity.INFO, AlertState.FIRING, T0),
        alert("crit", "h2", Severity.CRITICAL, AlertState.PENDING, T0),
        alert("warn", "h1", Severity.WARNING, AlertState.FIRING, T0),
        alert("resolved", "h2", Severity.CRITICAL, AlertState.RESOLVED, T0));

    assertThat(panel.items())
        .extracting(i -> i.row().alertId())
        .containsExactly("crit", "warn", "info");
    assertThat(panel.getTitle()).isEqualTo("Active alerts (3)");
  }

  @Test
  void rowMarksASimulatedHostAndItsAgeMovesWithTheClock() {
    apply(
        state,
        new HostStatus("s1", "sim-01", HostState.ONLINE, T0, Map.of(), true, null, null),
        alert("a", "s1", Severity.CRITICAL, AlertState.FIRING, T0 - 5_000));
    ActiveAlertItem item = panel.items().get(0);
    assertThat(item.row().hostSimulated()).isTrue();
    assertThat(item.getAgeText()).isEqualTo("firing 5 s");

    clock.advance(120_000);
    panel.tick();

    assertThat(item.getAgeText()).isEqualTo("firing 2 min 5 s");
  }

  @Test
  void openingARowOpensItsHostsPage() {
    apply(
        state, online("h1", "rack-01"), alert("a", "h1", Severity.WARNING, AlertState.FIRING, T0));

    panel.open(panel.items().get(0));

    assertThat(opened).containsExactly("h1");
  }

  @Test
  void collapsesAndOpensAgain() {
    panel.toggleOpen();
    assertThat(panel.isOpen()).isFalse();

    panel.setOpen(true);

    assertThat(panel.isOpen()).isTrue();
  }
}
