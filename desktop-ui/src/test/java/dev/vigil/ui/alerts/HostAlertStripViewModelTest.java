package dev.vigil.ui.alerts;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.online;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay link is replaced by a list that records what would be sent (a real relay is used by
 * {@code DashboardUiTest}).
 */
@Timeout(10)
class HostAlertStripViewModelTest {
  private final DashboardState state = new DashboardState(new MutableClock(T0));
  private final List<Message> sent = new ArrayList<>();
  private final AlertAcknowledger acknowledger =
      new AlertAcknowledger(
          state,
          m -> {
            sent.add(m);
            return true;
          });
  private final HostAlertStripViewModel strip =
      new HostAlertStripViewModel(state, acknowledger, ZoneOffset.UTC);

  @Test
  void listsOnlyThisHostsActiveAlertsWorstFirst() {
    apply(
        state,
        online("h1", "rack-01"),
        online("h2", "rack-02"),
        alert("warn", "h1", Severity.WARNING, AlertState.FIRING, T0),
        alert("crit", "h1", Severity.CRITICAL, AlertState.PENDING, T0),
        alert("gone", "h1", Severity.CRITICAL, AlertState.RESOLVED, T0),
        alert("other", "h2", Severity.CRITICAL, AlertState.FIRING, T0));

    strip.showHost("h1");

    assertThat(strip.rows()).extracting(AlertRow::alertId).containsExactly("crit", "warn");
    assertThat(strip.isShown()).isTrue();
  }

  @Test
  void listsAtMostFourAlertsAndCountsTheRest() {
    apply(state, online("h1", "rack-01"));
    for (int i = 0; i < 6; i++) {
      apply(state, alert("a" + i, "h1", Severity.INFO, AlertState.FIRING, T0 + i));
    }

    strip.showHost("h1");

    assertThat(strip.rows()).hasSize(6);
    assertThat(strip.shownRows())
        .extracting(AlertRow::alertId)
        .containsExactly("a5", "a4", "a3", "a2");
    assertThat(strip.getMoreText())
        .isEqualTo("+ 2 more alerts on this host, listed on the Alerts page");
  }

  @Test
  void isHiddenWhenTheHostHasNoActiveAlert() {
    apply(state, online("h1", "rack-01"));
    strip.showHost("h1");
    Alert firing = alert("a", "h1", Severity.CRITICAL, AlertState.FIRING, T0);
    apply(state, firing);
    assertThat(strip.isShown()).isTrue();

    apply(state, firing.withState(AlertState.RESOLVED, 70.0, T0, T0 + 5_000));

    assertThat(strip.isShown()).isFalse();
    assertThat(strip.rows()).isEmpty();
  }

  @Test
  void showsWhoAcknowledgedOnceTheRelayPushesIt() {
    apply(state, online("h1", "rack-01"));
    strip.showHost("h1");
    Alert firing = alert("a", "h1", Severity.CRITICAL, AlertState.FIRING, T0);

    apply(state, firing.withAck(new Acknowledgement("alice", T0 + 60_000, "on it")));

    AlertRow row = strip.rows().get(0);
    assertThat(row.sinceText()).isEqualTo("firing since 22:13:20");
    assertThat(row.ackText()).isEqualTo("acknowledged by alice at 22:14:20: on it");
    assertThat(row.canAcknowledge()).isFalse();
  }

  @Test
  void acknowledgingFromTheStripUsesTheAlertsPanesFlow() {
    AlertsViewModel pane = new AlertsViewModel(state, acknowledger, row -> {}, ZoneOffset.UTC);
    apply(
        state, online("h1", "rack-01"), alert("a", "h1", Severity.CRITICAL, AlertState.FIRING, T0));
    strip.showHost("h1");

    assertThat(strip.acknowledge("a", " fan swapped ")).isTrue();
    Acknowledge ack = (Acknowledge) sent.get(0);
    apply(state, Result.success(ack.requestId()));

    assertThat(ack.alertId()).isEqualTo("a");
    assertThat(ack.comment()).isEqualTo("fan swapped");
    assertThat(pane.getFeedback()).isEqualTo("Acknowledged");
  }
}
