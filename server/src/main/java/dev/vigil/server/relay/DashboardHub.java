package dev.vigil.server.relay;

import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.link.FrameBatch;
import dev.vigil.server.link.PeerLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected dashboards, and fan-out to them. Every broadcast message is numbered on the relay's
 * one dashboard stream (epoch {@link #epoch()}), encoded once, kept in the {@link ReplayBuffer} and
 * framed once into the current {@link FrameBatch}; a flush hands that one batch to every dashboard,
 * which writes it in one go. Messages are numbered and kept even while no dashboard is connected,
 * so one that comes back can be brought up to date. A dashboard that joins asking to resume gets
 * exactly the messages after its last one when the buffer still holds them; otherwise a {@link Gap}
 * and a fresh snapshot. The first message after a flush asks the owner for the next flush through
 * {@code flushRequest}; a batch that reaches {@link #FLUSH_BYTES} is flushed at once. Membership
 * changes and direct replies flush first, so every dashboard sees messages in the order the relay
 * produced them. Owned by the core thread; not thread-safe.
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

  private static final Logger log = LoggerFactory.getLogger(DashboardHub.class);

  private final MessageCodec codec;
  private final Runnable flushRequest;
  private final String epoch;
  private final ReplayBuffer replay;

  /** Dashboards still being sent what they missed. */
  private int replaying;

  private final Map<PeerLink, DashboardFeed> dashboards = new LinkedHashMap<>();
  private final BiConsumer<PeerLink, String> slowConsumer;
  private final long maxBehindNanos;
  private final List<DashboardFeed.Entry> pendingEntries = new ArrayList<>();
  private FrameBatch pending;

  /**
   * @param flushRequest called on the owner's thread when a batch has started; the owner must call
   *     {@link #flush()} soon after (the core does it once the work queued before it has run)
   */
  /**
   * @param slowConsumer told (on the owner's thread) of a dashboard too slow even for coalescing,
   *     with the reason; the owner closes it with {@link
   *     dev.vigil.protocol.CloseCodes#SLOW_CONSUMER}
   * @param maxBehindNanos longest a dashboard may stay behind before it is a slow consumer
   */
  DashboardHub(
      MessageCodec codec,
      Runnable flushRequest,
      String epoch,
      int replayBufferBytes,
      BiConsumer<PeerLink, String> slowConsumer,
      long maxBehindNanos) {
    this.codec = codec;
    this.flushRequest = flushRequest;
    this.epoch = epoch;
    this.replay = new ReplayBuffer(replayBufferBytes);
    this.slowConsumer = slowConsumer;
    this.maxBehindNanos = maxBehindNanos;
  }

  /** The epoch of the dashboard stream: new with every relay process, whose numbers it scopes. */
  String epoch() {
    return epoch;
  }

  /** The last number given on the dashboard stream, 0 before any. */
  long lastSeq() {
    return replay.lastSeq();
  }

  /** True when a dashboard saying {@code hello} can be resumed by replay alone. */
  boolean canResume(Hello hello) {
    return hello.asksToResume()
        && epoch.equals(hello.streamEpoch())
        && replay.canReplayAfter(hello.resumeAfterSeq());
  }

  /**
   * Brings a dashboard into the stream: the messages after its last one when {@link
   * #canResume(Hello)}, else a {@link Gap} (if it asked to resume) and {@code snapshot}, numbered
   * with the stream position it stands at. It then receives what is broadcast from now on.
   */
  void join(PeerLink link, Hello hello, Supplier<Snapshot> snapshot) {
    flush();
    DashboardFeed feed = new DashboardFeed(link);
    if (canResume(hello)) {
      feed.startReplay(hello.resumeAfterSeq(), System.nanoTime());
      replaying++;
      dashboards.put(link, feed);
      serveReplaying();
      return;
    }
    if (hello.asksToResume()) {
      link.send(codec.encode(gap(hello)));
    }
    link.send(codec.encode(new Envelope(Protocol.VERSION, replay.lastSeq(), snapshot.get())));
    dashboards.put(link, feed);
  }

  /** Why {@code hello}'s stream cannot be resumed. */
  private Gap gap(Hello hello) {
    long had = hello.resumeAfterSeq();
    long now = replay.lastSeq();
    if (!epoch.equals(hello.streamEpoch())) {
      return new Gap(
          had, now, null, "the relay restarted (stream " + hello.streamEpoch() + " ended)");
    }
    if (had > now) {
      return new Gap(
          had, now, null, "the dashboard was at #" + had + ", ahead of the relay's #" + now);
    }
    return new Gap(
        had,
        now,
        replay.firstSeq() - 1 - had,
        "the relay's replay buffer now begins at #"
            + replay.firstSeq()
            + "; the dashboard had #"
            + had);
  }

  void remove(PeerLink link) {
    flush();
    DashboardFeed feed = dashboards.remove(link);
    if (feed != null && feed.isReplaying()) {
      replaying--;
    }
  }

  /**
   * Sends resuming dashboards the next part of what they missed, and asks for another flush while
   * any is still resuming, so a replay goes on even when nothing new is broadcast.
   */
  private void serveReplaying() {
    if (replaying == 0) {
      return;
    }
    Map<DashboardFeed, String> overrun = null;
    long now = System.nanoTime();
    for (DashboardFeed feed : dashboards.values()) {
      if (!feed.isReplaying()) {
        continue;
      }
      DashboardFeed.CatchUp outcome = feed.continueReplay(replay, now);
      String why = null;
      if (outcome == DashboardFeed.CatchUp.LIVE) {
        replaying--;
      } else if (outcome == DashboardFeed.CatchUp.OVERRUN) {
        why = "resumed slower than the relay's replay buffer turns over";
      } else if (feed.replayStalledForNanos(now) > maxBehindNanos) {
        why =
            String.format(
                Locale.ROOT,
                "read nothing of its replay for %d s",
                TimeUnit.NANOSECONDS.toSeconds(feed.replayStalledForNanos(now)));
      }
      if (why != null) {
        if (overrun == null) {
          overrun = new LinkedHashMap<>();
        }
        overrun.put(feed, why);
      }
    }
    if (overrun != null) {
      for (Map.Entry<DashboardFeed, String> entry : overrun.entrySet()) {
        dashboards.remove(entry.getKey().link);
        replaying--;
        slowConsumer.accept(
            entry.getKey().link,
            String.format(
                Locale.ROOT,
                "slow consumer: %s (%,d bytes queued); reconnect and resume",
                entry.getValue(),
                entry.getKey().link.queuedBytes()));
      }
    }
    if (replaying > 0) {
      flushRequest.run();
    }
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

  /**
   * Numbers {@code message} on the stream, encodes it once, keeps it for replay and adds it to the
   * batch every dashboard will receive.
   */
  void broadcast(Message message) {
    long seq = replay.lastSeq() + 1;
    String text = codec.encode(new Envelope(Protocol.VERSION, seq, message));
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    replay.append(seq, utf8);
    if (dashboards.isEmpty()) {
      return;
    }
    if (pending == null) {
      pending = new FrameBatch();
      flushRequest.run();
    }
    pending.add(text, utf8);
    pendingEntries.add(
        new DashboardFeed.Entry(
            seq, text, utf8, message instanceof Sample sample ? sample.hostId() : null));
    if (pending.frameBytes() >= FLUSH_BYTES) {
      flush();
    }
  }

  /** Sends {@code message} to one dashboard, after everything broadcast before it. */
  void reply(PeerLink link, Message message) {
    flush();
    link.send(codec.encode(message));
  }

  /**
   * Hands the current batch to every dashboard that keeps up and holds it, coalesced, for those
   * behind; catches up those whose queue drained. Cheap when nothing is pending.
   */
  void flush() {
    FrameBatch batch = pending;
    if (batch == null) {
      serveReplaying();
      return;
    }
    pending = null;
    batch.seal();
    long now = System.nanoTime();
    for (DashboardFeed feed : dashboards.values()) {
      if (feed.isReplaying()) {
        continue; // what was just broadcast is in the replay buffer: its replay gets there
      }
      boolean wasBehind = feed.isBehind();
      feed.offer(batch, pendingEntries, now);
      if (feed.isBehind() && !wasBehind) {
        log.warn(
            "Dashboard {} is behind ({} bytes queued): coalescing its samples until it drains",
            feed.link.remoteAddress(),
            feed.link.queuedBytes());
      }
    }
    pendingEntries.clear();
    serveBehind(now);
    serveReplaying();
  }

  /** Flushes, then serves dashboards that are behind even when nothing new was broadcast. */
  void tick() {
    flush();
    serveBehind(System.nanoTime());
  }

  /** Catches up behind dashboards that drained; reports those too slow even for coalescing. */
  private void serveBehind(long now) {
    Map<DashboardFeed, String> slow = null;
    for (DashboardFeed feed : dashboards.values()) {
      if (!feed.isBehind()) {
        continue;
      }
      long dropped = feed.samplesDropped();
      DashboardFeed.CatchUp outcome = feed.catchUpIfDrained(codec, replay);
      String why = null;
      if (outcome == DashboardFeed.CatchUp.LIVE) {
        log.info(
            "Dashboard {} caught up ({} older samples coalesced away)",
            feed.link.remoteAddress(),
            dropped);
      } else if (outcome == DashboardFeed.CatchUp.OVERRUN) {
        why = "fell further behind than the relay's replay buffer holds";
      } else if (feed.heldBytes() > DashboardFeed.MAX_HELD_BYTES) {
        why = String.format(Locale.ROOT, "%,d bytes of events and alerts held", feed.heldBytes());
      } else if (feed.behindForNanos(now) > maxBehindNanos) {
        why =
            String.format(
                Locale.ROOT,
                "behind for %d s",
                TimeUnit.NANOSECONDS.toSeconds(feed.behindForNanos(now)));
      }
      if (why != null) {
        if (slow == null) {
          slow = new LinkedHashMap<>();
        }
        slow.put(feed, why);
      }
    }
    if (slow != null) {
      for (Map.Entry<DashboardFeed, String> entry : slow.entrySet()) {
        DashboardFeed feed = entry.getKey();
        dashboards.remove(feed.link);
        slowConsumer.accept(
            feed.link,
            String.format(
                Locale.ROOT,
                "slow consumer: %s (%,d bytes queued); reconnect and resume",
                entry.getValue(),
                feed.link.queuedBytes()));
      }
    }
  }
}
