package dev.vigil.ui.alerts;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.MutableClock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NotificationPolicyTest {
  private final MutableClock clock = new MutableClock(T0);
  private final NotificationPolicy policy = new NotificationPolicy(clock);

  @Test
  void aWarningAfterAQuietSpellNotifiesAtOnce() {
    assertThat(policy.offer(row("a", "rack-01", Severity.WARNING)))
        .containsExactly(
            new AlertNotice(
                "WARNING alert firing on rack-01", "CPU package hot on rack-01", Severity.WARNING));
    assertThat(policy.msUntilDue()).isEmpty();
    assertThat(policy.takeDue()).isEmpty();
  }

  @Test
  void infoAlertsNeverNotify() {
    assertThat(policy.offer(row("a", "rack-01", Severity.INFO))).isEmpty();

    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.msUntilDue()).isEmpty();
    assertThat(policy.takeDue()).isEmpty();
  }

  @Test
  void alertsRightAfterANotificationWaitForTheWindowThenShowOneEach() {
    policy.offer(row("a", "rack-01", Severity.CRITICAL));
    clock.advance(500);
    assertThat(policy.offer(row("b", "rack-02", Severity.WARNING))).isEmpty();
    assertThat(policy.offer(row("c", "rack-03", Severity.CRITICAL))).isEmpty();
    assertThat(policy.msUntilDue()).hasValue(NotificationPolicy.BURST_WINDOW_MS - 500);
    assertThat(policy.takeDue()).isEmpty();

    clock.advance(NotificationPolicy.BURST_WINDOW_MS - 500);

    assertThat(policy.takeDue())
        .extracting(AlertNotice::title)
        .containsExactly("WARNING alert firing on rack-02", "CRITICAL alert firing on rack-03");
  }

  @Test
  void moreThanThreeGatheredShowOneSummaryInstead() {
    policy.offer(row("a", "sim-01", Severity.WARNING));
    policy.offer(row("b", "sim-02", Severity.CRITICAL));
    policy.offer(row("c", "sim-03", Severity.WARNING));
    policy.offer(row("d", "sim-04", Severity.CRITICAL));
    policy.offer(row("e", "sim-01", Severity.WARNING));
    policy.offer(row("f", "sim-05", Severity.INFO));

    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.takeDue())
        .containsExactly(
            new AlertNotice(
                "4 more alerts started firing — 2 critical, 2 warning",
                "On hosts sim-02, sim-03, sim-04 and 1 more. See the Alerts page.",
                Severity.CRITICAL));
  }

  @Test
  void aSteadyStreamYieldsOneBatchPerWindow() {
    policy.offer(row("a", "rack-01", Severity.WARNING));
    policy.offer(row("b", "rack-01", Severity.WARNING));
    clock.advance(NotificationPolicy.BURST_WINDOW_MS);
    assertThat(policy.takeDue()).hasSize(1);

    assertThat(policy.offer(row("c", "rack-01", Severity.CRITICAL))).isEmpty();
    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.takeDue())
        .extracting(AlertNotice::title)
        .containsExactly("CRITICAL alert firing on rack-01");
  }

  @Test
  void anAlertAfterTheWindowClosedQuietlyNotifiesAtOnceAgain() {
    policy.offer(row("a", "rack-01", Severity.WARNING));
    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.offer(row("d", "rack-02", Severity.CRITICAL)))
        .extracting(AlertNotice::title)
        .containsExactly("CRITICAL alert firing on rack-02");
  }

  private static AlertRow row(String id, String host, Severity severity) {
    return AlertRow.of(alert(id, host, severity, AlertState.FIRING, T0), false, ZoneOffset.UTC);
  }
}
