package dev.vigil.server.relay;

import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.FrameBatch;
import dev.vigil.server.link.PeerLink;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected dashboards, and fan-out to them. Every message is encoded once and framed once into
 * the current {@link FrameBatch}; a flush hands that one batch to every dashboard, which writes it
 * in one go. The first message after a flush asks the owner for the next flush through {@code
 * flushRequest}; a batch that reaches {@link #FLUSH_BYTES} is flushed at once. Membership changes
 * and direct replies flush first, so every dashboard sees messages in the order the relay produced
 * them. Owned by the core thread; not thread-safe.
 */
final class DashboardHub {
  /**
   * Batch size at which the hub flushes without waiting for the requested flush: bounds the latency
   * a burst adds and the memory one batch holds.
   */
  static final int FLUSH_BYTES = 64 * 1024;

  /**
   * Flush spacing per connected dashboard: a flush costs one write per dashboard, so the more
   * dashboards, the more messages each flush should carry.
   */
  static final long FLUSH_SPACING_PER_DASHBOARD_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  /** Least flush spacing: the delay batching may add when few dashboards are connected. */
  static final long MIN_FLUSH_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Greatest flush spacing, whatever the number of dashboards. */
  static final long MAX_FLUSH_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /**
   * Writes queued on one dashboard above which the relay warns. Java-WebSocket's send queue is
   * unbounded; coalescing and disconnecting slow dashboards is still to come.
   */
  static final int MAX_QUEUED_WRITES_PER_DASHBOARD = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DashboardHub.class);

  private final MessageCodec codec;
  private final Runnable flushRequest;
  private final Set<PeerLink> dashboards = new LinkedHashSet<>();
  private final Set<PeerLink> overCap = new HashSet<>();
  private FrameBatch pending;

  /**
   * @param flushRequest called on the owner's thread when a batch has started; the owner must call
   *     {@link #flush()} soon after (the core does it once the work queued before it has run)
   */
  DashboardHub(MessageCodec codec, Runnable flushRequest) {
    this.codec = codec;
    this.flushRequest = flushRequest;
  }

  /** Adds a dashboard; it receives what is broadcast from now on. */
  void add(PeerLink link) {
    flush();
    dashboards.add(link);
  }

  void remove(PeerLink link) {
    flush();
    dashboards.remove(link);
    overCap.remove(link);
  }

  int size() {
    return dashboards.size();
  }

  /**
   * Least time between two flushes: {@link #FLUSH_SPACING_PER_DASHBOARD_NANOS} per dashboard,
   * within [{@link #MIN_FLUSH_SPACING_NANOS}, {@link #MAX_FLUSH_SPACING_NANOS}].
   */
  long flushSpacingNanos() {
    long spacing = dashboards.size() * FLUSH_SPACING_PER_DASHBOARD_NANOS;
    return Math.max(MIN_FLUSH_SPACING_NANOS, Math.min(MAX_FLUSH_SPACING_NANOS, spacing));
  }

  /** Encodes {@code message} once and adds it to the batch every dashboard will receive. */
  void broadcast(Message message) {
    if (dashboards.isEmpty()) {
      return;
    }
    if (pending == null) {
      pending = new FrameBatch();
      flushRequest.run();
    }
    pending.add(codec.encode(message));
    if (pending.frameBytes() >= FLUSH_BYTES) {
      flush();
    }
  }

  /** Sends {@code message} to one dashboard, after everything broadcast before it. */
  void reply(PeerLink link, Message message) {
    flush();
    link.send(codec.encode(message));
  }

  /** Hands the current batch to every dashboard. Cheap when nothing is pending. */
  void flush() {
    FrameBatch batch = pending;
    if (batch == null) {
      return;
    }
    pending = null;
    batch.seal();
    for (PeerLink link : dashboards) {
      link.send(batch);
      watchQueue(link);
    }
  }

  private void watchQueue(PeerLink link) {
    int queued = link.queuedWrites();
    if (queued > MAX_QUEUED_WRITES_PER_DASHBOARD) {
      if (overCap.add(link)) {
        log.warn(
            "Dashboard {} is slow: {} writes queued (cap {})",
            link.remoteAddress(),
            queued,
            MAX_QUEUED_WRITES_PER_DASHBOARD);
      }
    } else if (queued == 0 && overCap.remove(link)) {
      log.info("Dashboard {} caught up", link.remoteAddress());
    }
  }
}
