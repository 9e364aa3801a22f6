package dev.vigil.server.relay;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.server.notify.NotificationStats;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Read-only questions about relay state, answered on the core thread. Thread-safe. */
public interface RelayQueries {
  /** Connection counts. */
  CompletableFuture<RelayCounts> counts();

  /** Every host the relay knows. */
  CompletableFuture<List<HostSnapshot>> hosts();

  /** Pending and firing alerts and those resolved within the last hour. */
  CompletableFuture<List<Alert>> alerts();

  /** The notification channels' delivery counts, read at once (not on the core thread). */
  default NotificationStats notificationStats() {
    return NotificationStats.NONE;
  }
}
