package dev.vigil.server.relay;

import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.FanOut;
import dev.vigil.server.link.PeerLink;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected dashboards, and fan-out to them: every message is encoded once, framed once, and
 * the same frame queued on every dashboard. Owned by the core thread; not thread-safe.
 */
final class DashboardHub {
  /**
   * Messages queued on one dashboard above which the relay warns. Java-WebSocket's send queue is
   * unbounded; coalescing and disconnecting slow dashboards is still to come.
   */
  static final int MAX_QUEUED_MESSAGES_PER_DASHBOARD = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DashboardHub.class);

  private final MessageCodec codec;
  private final Set<PeerLink> dashboards = new LinkedHashSet<>();
  private final Set<PeerLink> overCap = new HashSet<>();

  DashboardHub(MessageCodec codec) {
    this.codec = codec;
  }

  void add(PeerLink link) {
    dashboards.add(link);
  }

  void remove(PeerLink link) {
    dashboards.remove(link);
    overCap.remove(link);
  }

  int size() {
    return dashboards.size();
  }

  /** Encodes {@code message} once and queues it on every dashboard. */
  void broadcast(Message message) {
    if (dashboards.isEmpty()) {
      return;
    }
    FanOut.send(codec.encode(message), dashboards);
    for (PeerLink link : dashboards) {
      watchQueue(link);
    }
  }

  private void watchQueue(PeerLink link) {
    int queued = link.queuedMessages();
    if (queued > MAX_QUEUED_MESSAGES_PER_DASHBOARD) {
      if (overCap.add(link)) {
        log.warn(
            "Dashboard {} is slow: {} messages queued (cap {})",
            link.remoteAddress(),
            queued,
            MAX_QUEUED_MESSAGES_PER_DASHBOARD);
      }
    } else if (queued == 0 && overCap.remove(link)) {
      log.info("Dashboard {} caught up", link.remoteAddress());
    }
  }
}
