package dev.vigil.ui.alerts;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static dev.vigil.ui.Fixtures.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay link is replaced by a list that records what would be sent, and the desktop
 * notification by a list of notified rows: both are seams whose real parts need a relay and a
 * screen; the end-to-end behaviour is covered by {@code DashboardUiTest}.
 */
@Timeout(10)
class AlertsViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final List<Message> sent = new ArrayList<>();
  private final List<AlertRow> notified = new ArrayList<>();
  private boolean linkUp = true;
  private final AlertsViewModel alerts =
      new AlertsViewModel(
          state,
          new AlertAcknowledger(
              state,
              m -> {
                if (linkUp) {
                  sent.add(m);
                }
                return linkUp;
              }),
          notified::add,
          ZoneOffset.UTC);

  @Test
  void activeAlertsComeFirstThenBySeverityThenNewest() {
    apply(
        state,
        alert("resolved-crit", "h", Severity.CRITICAL, AlertState.RESOLVED, T0 + 50),
        alert("old-warn", "h", Severity.WARNING, AlertState.FIRING, T0),
        alert("new-warn", "h", Severity.WARNING, AlertState.FIRING, T0 + 10),
        alert("crit", "h", Severity.CRITICAL, AlertState.PENDING, T0 - 100),
        alert("info", "h", Severity.INFO, AlertState.FIRING, T0 + 99));

    assertThat(alerts.rows())
        .extracting(AlertRow::alertId)
        .containsExactly("crit", "new-warn", "old-warn", "info", "resolved-crit");
    assertThat(alerts.getActiveCount()).isEqualTo(4);
    assertThat(alerts.getFiringCount()).isEqualTo(3);
  }

  @Test
  void severityFilterAndActiveOnlyNarrowTheList() {
    apply(
        state,
        alert("resolved-crit", "h", Severity.CRITICAL, AlertState.RESOLVED, T0 + 50),
        alert("warn", "h", Severity.WARNING, AlertState.FIRING, T0),
        alert("crit", "h", Severity.CRITICAL, AlertState.FIRING, T0 - 100));

    alerts.severityProperty().set(Severity.CRITICAL);
    assertThat(alerts.shownRows())
        .extracting(AlertRow::alertId)
        .containsExactly("crit", "resolved-crit");

    alerts.activeOnlyProperty().set(true);
    assertThat(alerts.shownRows()).extracting(AlertRow::alertId).containsExactly("crit");
  }

  @Test
  void searchTextMatchesHostRuleOrMessageIgnoringCase() {
    apply(
        state,
        alert("a", "web-1", Severity.WARNING, AlertState.FIRING, T0),
        alert("b", "db-2", Severity.WARNING, AlertState.FIRING, T0 + 1));

    alerts.searchTextProperty().set("DB-2");
    assertThat(alerts.shownRows()).extracting(AlertRow::alertId).containsExactly("b");

    alerts.searchTextProperty().set("rule-a");
    assertThat(alerts.shownRows()).extracting(AlertRow::alertId).containsExactly("a");
  }

  @Test
  void historyListsTheStoredTransitionsAndTheFiltersApplyToThem() {
    Alert a = alert("a", "web-1", Severity.WARNING, AlertState.FIRING, T0);
    Alert b = alert("b", "db-2", Severity.CRITICAL, AlertState.RESOLVED, T0 + 1);
    alerts.useHistory(
        new dev.vigil.ui.history.HistorySource() {
          @Override
          public java.util.concurrent.CompletableFuture<dev.vigil.ui.history.SeriesPoints> series(
              String hostId, String sensorId, long fromMs, long toMs) {
            throw new UnsupportedOperationException();
          }

          @Override
          public java.util.concurrent.CompletableFuture<List<Alert>> alertTransitions(
              long fromMs, long toMs, int limit) {
            assertThat(toMs - fromMs).isEqualTo(AlertsViewModel.HISTORY_SPAN_MS);
            return java.util.concurrent.CompletableFuture.completedFuture(List.of(b, a));
          }
        },
        Runnable::run);

    alerts.loadHistory(T0 + 10);

    assertThat(alerts.shownHistory()).extracting(AlertRow::alertId).containsExactly("b", "a");
    assertThat(alerts.historyTextProperty().get()).isEqualTo("2 changes in the last 7 days");
    alerts.severityProperty().set(Severity.CRITICAL);
    assertThat(alerts.shownHistory()).extracting(AlertRow::alertId).containsExactly("b");
  }

  @Test
  void historyThatCannotBeReadIsSaid() {
    alerts.useHistory((h, s, f, t) -> null, Runnable::run);

    alerts.loadHistory(T0);

    assertThat(alerts.historyTextProperty().get())
        .isEqualTo("history unavailable: no alert history here");
  }

  @Test
  void notifiesOnceWhenAnAlertStartsFiring() {
    Alert pending = alert("a", "h", Severity.CRITICAL, AlertState.PENDING, T0);
    Alert firing = pending.withState(AlertState.FIRING, 92.0, T0 + 10_000, null);
    apply(state, pending);
    apply(state, firing);
    apply(state, firing.withAck(new Acknowledgement("alice", T0 + 20_000, "")));

    assertThat(notified).extracting(AlertRow::alertId).containsExactly("a");
  }

  @Test
  void alertsAlreadyFiringInASnapshotDoNotNotify() {
    apply(
        state,
        Fixtures.snapshot(
            List.of(), List.of(alert("a", "h", Severity.CRITICAL, AlertState.FIRING, T0))));

    assertThat(alerts.rows()).hasSize(1);
    assertThat(notified).isEmpty();
  }

  @Test
  void acknowledgeSendsTheRequestWithTheComment() {
    apply(state, alert("a", "h", Severity.CRITICAL, AlertState.FIRING, T0));

    assertThat(alerts.acknowledge("a", "  replacing the fan  ")).isTrue();

    assertThat(sent)
        .singleElement()
        .isInstanceOfSatisfying(
            Acknowledge.class,
            ack -> {
              assertThat(ack.alertId()).isEqualTo("a");
              assertThat(ack.comment()).isEqualTo("replacing the fan");
              assertThat(ack.requestId()).isNotBlank();
            });
  }

  @Test
  void acknowledgeWhileTheLinkIsDownSaysNothingWasSent() {
    linkUp = false;

    assertThat(alerts.acknowledge("a", "")).isFalse();
    assertThat(alerts.getFeedback())
        .isEqualTo("Not connected to the relay: acknowledgement not sent");
  }

  @Test
  void failedResultShowsTheRelaysReason() {
    alerts.acknowledge("nope", "");
    String requestId = ((Acknowledge) sent.get(0)).requestId();

    apply(state, Result.failure(requestId, "unknown alert 'nope'"));

    assertThat(alerts.getFeedback()).isEqualTo("Acknowledge failed: unknown alert 'nope'");
  }

  @Test
  void acknowledgedAlertShowsWhoAndWhenAndLosesItsButton() {
    Alert firing = alert("a", "h", Severity.CRITICAL, AlertState.FIRING, T0);
    apply(state, firing.withAck(new Acknowledgement("alice", T0 + 60_000, "on it")));

    AlertRow row = alerts.rows().get(0);
    assertThat(row.ackText()).isEqualTo("acknowledged by alice at 22:14:20: on it");
    assertThat(row.canAcknowledge()).isFalse();
  }
}
