package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Severity;
import dev.vigil.server.alert.GlobPattern;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which transitions a channel's filter lets through. */
class NotificationFilterTest {

  @Test
  void severityBelowTheMinimumIsFilteredOut() {
    NotificationFilter filter =
        new NotificationFilter(Severity.WARNING, null, NotificationFilter.DEFAULT_TRANSITIONS);

    assertThat(filter.accepts(TestAlerts.firing("a", Severity.INFO))).isFalse();
    assertThat(filter.accepts(TestAlerts.firing("a", Severity.WARNING))).isTrue();
    assertThat(filter.accepts(TestAlerts.firing("a", Severity.CRITICAL))).isTrue();
  }

  @Test
  void theHostGlobPicksHostsById() {
    NotificationFilter filter =
        new NotificationFilter(
            Severity.INFO, GlobPattern.of("rack-*"), NotificationFilter.DEFAULT_TRANSITIONS);

    assertThat(filter.accepts(TestAlerts.firing("rack-07", Severity.CRITICAL))).isTrue();
    assertThat(filter.accepts(TestAlerts.firing("lab-1", Severity.CRITICAL))).isFalse();
  }

  @Test
  void byDefaultFiringAndResolvedPassButPendingAndAcknowledgedDoNot() {
    NotificationFilter filter = NotificationFilter.ALL;

    assertThat(filter.accepts(change(AlertState.FIRING, Transition.FIRING))).isTrue();
    assertThat(filter.accepts(change(AlertState.RESOLVED, Transition.RESOLVED))).isTrue();
    assertThat(filter.accepts(change(AlertState.PENDING, Transition.PENDING))).isFalse();
    assertThat(filter.accepts(change(AlertState.FIRING, Transition.ACKNOWLEDGED))).isFalse();
  }

  @Test
  void anAlertResolvedWithoutEverFiringIsNotNotified() {
    Alert neverFired =
        TestAlerts.alert("a", Severity.CRITICAL, AlertState.RESOLVED)
            .withState(AlertState.RESOLVED, 40.0, null, 1_700_000_020_000L);

    assertThat(NotificationFilter.ALL.accepts(new AlertChange(neverFired, Transition.RESOLVED)))
        .isFalse();
  }

  @Test
  void acknowledgedPassesWhenNamed() {
    NotificationFilter filter =
        new NotificationFilter(Severity.INFO, null, Set.of(Transition.ACKNOWLEDGED));

    assertThat(filter.accepts(change(AlertState.FIRING, Transition.ACKNOWLEDGED))).isTrue();
    assertThat(filter.accepts(change(AlertState.FIRING, Transition.FIRING))).isFalse();
  }

  @Test
  void pendingCanNeverBeChosen() {
    assertThatThrownBy(
            () -> new NotificationFilter(Severity.INFO, null, Set.of(Transition.PENDING)))
        .hasMessageContaining("pending");
  }

  @Test
  void theTransitionOfABroadcastAlertIsItsState() {
    assertThat(Transition.of(TestAlerts.alert("a", Severity.INFO, AlertState.RESOLVED)))
        .isEqualTo(Transition.RESOLVED);
    assertThat(Transition.of(TestAlerts.alert("a", Severity.INFO, AlertState.PENDING)))
        .isEqualTo(Transition.PENDING);
  }

  @Test
  void silencedAlertsAreNotNotified() {
    AlertChange firing = TestAlerts.firing("a", Severity.CRITICAL);
    AlertChange silenced =
        new AlertChange(firing.alert().withMarks(true, false), firing.transition());

    assertThat(NotificationFilter.ALL.accepts(silenced)).isFalse();
    assertThat(NotificationFilter.ALL.accepts(firing)).isTrue();
  }

  @Test
  void flappingAlertsAreNotNotifiedUntilTheySettle() {
    AlertChange firing = TestAlerts.firing("a", Severity.CRITICAL);
    AlertChange flapping =
        new AlertChange(firing.alert().withMarks(false, true), firing.transition());

    assertThat(NotificationFilter.ALL.accepts(flapping)).isFalse();
  }

  private static AlertChange change(AlertState state, Transition transition) {
    return new AlertChange(TestAlerts.alert("a", Severity.CRITICAL, state), transition);
  }
}
