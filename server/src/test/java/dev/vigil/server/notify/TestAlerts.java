package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Severity;
import java.time.Clock;
import java.util.List;

/** Alerts, changes and dispatchers for the notification tests. */
final class TestAlerts {
  /** Retries at once, up to three attempts. */
  static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(40));

  private TestAlerts() {}

  static Alert alert(String hostId, Severity severity, AlertState state) {
    return new Alert(
        "alert-" + hostId,
        "cpu-hot",
        hostId,
        hostId + "-name",
        "cpu.package.temperature",
        severity,
        state,
        "CPU package 92.5 °C ≥ 85 °C on " + hostId + "-name",
        92.5,
        85.0,
        1_700_000_000_000L,
        state == AlertState.PENDING ? null : 1_700_000_010_000L,
        state == AlertState.RESOLVED ? 1_700_000_020_000L : null,
        null);
  }

  static AlertChange firing(String hostId, Severity severity) {
    return new AlertChange(alert(hostId, severity, AlertState.FIRING), Transition.FIRING);
  }

  static Notification notification(AlertChange change) {
    NotificationJson json = new NotificationJson(MessageCodec.forRelayMessages());
    return new Notification(
        change.alert(),
        change.transition(),
        "relay-1",
        1_700_000_030_000L,
        json.encode(change.alert(), change.transition(), "relay-1", 1_700_000_030_000L));
  }

  static NotificationDispatcher dispatcher(
      List<NotificationChannel> channels, RetryPolicy retry, int maxQueued) {
    return new NotificationDispatcher(
        channels,
        new NotificationJson(MessageCodec.forRelayMessages()),
        "relay-1",
        Clock.systemUTC(),
        retry,
        maxQueued);
  }
}
