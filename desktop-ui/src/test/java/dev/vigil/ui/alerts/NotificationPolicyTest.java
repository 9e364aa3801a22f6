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
  void aWarningShowsOnceTheWindowCloses() {
    assertThat(policy.offer(row("a", "rack-01", Severity.WARNING))).isTrue();
    assertThat(policy.takeDue()).isEmpty();
    assertThat(policy.msUntilDue()).hasValue(NotificationPolicy.BURST_WINDOW_MS);

    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.takeDue())
        .containsExactly(
            new AlertNotice(
                "WARNING alert firing on rack-01", "CPU package hot on rack-01", Severity.WARNING));
    assertThat(policy.takeDue()).isEmpty();
    assertThat(policy.msUntilDue()).isEmpty();
  }

  @Test
  void infoAlertsNeverNotify() {
    assertThat(policy.offer(row("a", "rack-01", Severity.INFO))).isFalse();

    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.msUntilDue()).isEmpty();
    assertThat(policy.takeDue()).isEmpty();
  }

  @Test
  void threeAlertsInOneWindowShowOneNoticeEach() {
    policy.offer(row("a", "rack-01", Severity.CRITICAL));
    clock.advance(500);
    assertThat(policy.offer(row("b", "rack-02", Severity.WARNING))).isFalse();
    policy.offer(row("c", "rack-03", Severity.CRITICAL));

    clock.advance(NotificationPolicy.BURST_WINDOW_MS - 500);

    assertThat(policy.takeDue())
        .extracting(AlertNotice::title)
        .containsExactly(
            "CRITICAL alert firing on rack-01",
            "WARNING alert firing on rack-02",
            "CRITICAL alert firing on rack-03");
  }

  @Test
  void moreThanThreeInOneWindowShowOneSummaryInstead() {
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
                "5 alerts started firing — 2 critical, 3 warning",
                "On hosts sim-01, sim-02, sim-03 and 1 more. See the Alerts page.",
                Severity.CRITICAL));
  }

  @Test
  void anAlertAfterTheWindowClosedOpensANewWindow() {
    policy.offer(row("a", "rack-01", Severity.WARNING));
    policy.offer(row("b", "rack-01", Severity.WARNING));
    policy.offer(row("c", "rack-01", Severity.WARNING));
    clock.advance(NotificationPolicy.BURST_WINDOW_MS);
    assertThat(policy.takeDue()).hasSize(3);

    assertThat(policy.offer(row("d", "rack-01", Severity.CRITICAL))).isTrue();
    clock.advance(NotificationPolicy.BURST_WINDOW_MS);

    assertThat(policy.takeDue())
        .extracting(AlertNotice::title)
        .containsExactly("CRITICAL alert firing on rack-01");
  }

  private static AlertRow row(String id, String host, Severity severity) {
    return AlertRow.of(alert(id, host, severity, AlertState.FIRING, T0), false, ZoneOffset.UTC);
  }
}
