package dev.vigil.server.relay;

import dev.vigil.protocol.Coalesced;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.FrameBatch;
import dev.vigil.server.link.PeerLink;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dashboard's place in the fan-out. While it keeps up it gets every batch. When its socket's
 * send queue passes {@link #BEHIND_BYTES} it is <em>behind</em>: batches stop, and what it misses
 * is held coalesced, the newest sample per host and every other message in order. Once its queue is
 * down to {@link #CAUGHT_UP_BYTES} it gets a {@link Coalesced} notice and the held messages in
 * number order, and is live again. Owned by the core thread; not thread-safe.
 */
final class DashboardFeed {
  /** Send queue above which a dashboard is behind: about 0.7 s of 10,000 hosts at 1 Hz. */
  static final long BEHIND_BYTES = 4L << 20;

  /** Send queue at or below which a behind dashboard gets what was held for it. */
  static final long CAUGHT_UP_BYTES = 1L << 20;

  /**
   * Held non-sample messages above which a dashboard is too slow even for coalescing; it is closed
   * as a slow consumer and resumes from the replay buffer when it reconnects.
   */
  static final long MAX_HELD_BYTES = 16L << 20;

  /** One numbered message as the hub encoded it. */
  record Entry(long seq, String text, byte[] utf8, String sampleHostId) {}

  /** What {@link #catchUpIfDrained} did. */
  enum CatchUp {
    /** Not behind, or caught up now: live. */
    LIVE,
    /** Still behind: its queue has not drained. */
    WAITING,
    /** Behind for longer than the replay buffer holds: what was held is gone. */
    OVERRUN
  }

  /** Bytes of one batch of a resuming dashboard's replay. */
  static final int REPLAY_BATCH_BYTES = 64 * 1024;

  final PeerLink link;

  /** While it resumes: the next number to send it from the replay buffer; 0 once it is live. */
  private long replayNext;

  /** When its replay last sent something (or started). */
  private long replayProgressNanos;

  private boolean behind;
  private long behindSinceNanos;

  /**
   * Newest sample per host while behind, as its number (0 when none): the text stays in the
   * off-heap replay buffer, and the per-host holders live as long as the feed, so coalescing makes
   * no garbage for the collector to copy or promote.
   */
  private final Map<String, long[]> newestSamples = new LinkedHashMap<>();

  private long[] others = new long[64];
  private int otherCount;
  private long othersBytes;
  private long samplesDropped;
  private long oldestHeldSeq;

  DashboardFeed(PeerLink link) {
    this.link = link;
  }

  boolean isBehind() {
    return behind;
  }

  /** True while it is still being sent what it missed. */
  boolean isReplaying() {
    return replayNext != 0;
  }

  /** It resumes after {@code lastSeq}: what follows comes from the replay buffer, paced. */
  void startReplay(long lastSeq, long nowNanos) {
    replayNext = lastSeq + 1;
    replayProgressNanos = nowNanos;
  }

  /** How long its replay has sent nothing because its queue stayed full. */
  long replayStalledForNanos(long nowNanos) {
    return replayNext == 0 ? 0 : nowNanos - replayProgressNanos;
  }

  /**
   * Sends it the next held messages while its queue stays under {@link #CAUGHT_UP_BYTES}, so a
   * dashboard resuming after a long absence never has the whole replay buffer copied onto the heap
   * at once. Live messages are in the replay buffer too, so it goes live when it reaches the end.
   *
   * @return {@code LIVE} once it reached the end, {@code WAITING} while its queue is full, {@code
   *     OVERRUN} when the buffer no longer holds its next message
   */
  CatchUp continueReplay(ReplayBuffer replay, long nowNanos) {
    if (replayNext == 0) {
      return CatchUp.LIVE;
    }
    if (replayNext > replay.lastSeq()) {
      replayNext = 0;
      return CatchUp.LIVE;
    }
    if (replayNext < replay.firstSeq()) {
      return CatchUp.OVERRUN;
    }
    while (replayNext <= replay.lastSeq() && link.queuedBytes() <= CAUGHT_UP_BYTES) {
      FrameBatch batch = new FrameBatch();
      while (replayNext <= replay.lastSeq() && batch.frameBytes() < REPLAY_BATCH_BYTES) {
        batch.add(replay.text(replayNext++));
      }
      link.send(batch.seal());
      replayProgressNanos = nowNanos;
    }
    if (replayNext > replay.lastSeq()) {
      replayNext = 0;
      return CatchUp.LIVE;
    }
    return CatchUp.WAITING;
  }

  /** How long it has been behind, 0 when it is not. */
  long behindForNanos(long nowNanos) {
    return behind ? nowNanos - behindSinceNanos : 0;
  }

  /** Bytes of events, alerts and state changes held for it. */
  long heldBytes() {
    return othersBytes;
  }

  /** Samples it will not get because newer ones of the same host replaced them. */
  long samplesDropped() {
    return samplesDropped;
  }

  /**
   * Hands this flush's batch to the dashboard, or, if it is behind (or falls behind now), holds the
   * batch's messages coalesced.
   */
  void offer(FrameBatch batch, List<Entry> entries, long nowNanos) {
    if (!behind && link.queuedBytes() > BEHIND_BYTES) {
      behind = true;
      behindSinceNanos = nowNanos;
    }
    if (!behind) {
      link.send(batch);
      return;
    }
    for (Entry entry : entries) {
      hold(entry);
    }
  }

  private void hold(Entry entry) {
    if (oldestHeldSeq == 0) {
      oldestHeldSeq = entry.seq();
    }
    if (entry.sampleHostId() != null) {
      long[] newest = newestSamples.computeIfAbsent(entry.sampleHostId(), k -> new long[1]);
      if (newest[0] != 0) {
        samplesDropped++;
      }
      newest[0] = entry.seq();
      return;
    }
    if (otherCount == others.length) {
      others = Arrays.copyOf(others, otherCount * 2);
    }
    others[otherCount++] = entry.seq();
    othersBytes += entry.utf8().length;
  }

  /** The smallest number still held: older samples replaced by newer ones no longer count. */
  private long oldestStillHeld() {
    long oldest = otherCount > 0 ? others[0] : Long.MAX_VALUE;
    for (long[] newest : newestSamples.values()) {
      if (newest[0] != 0 && newest[0] < oldest) {
        oldest = newest[0];
      }
    }
    return oldest;
  }

  /**
   * When it is behind and its queue has drained, sends what was held (read back from {@code
   * replay}) and makes it live again.
   */
  CatchUp catchUpIfDrained(MessageCodec codec, ReplayBuffer replay) {
    if (!behind) {
      return CatchUp.LIVE;
    }
    if (oldestHeldSeq != 0
        && oldestHeldSeq < replay.firstSeq()
        && oldestStillHeld() < replay.firstSeq()) {
      return CatchUp.OVERRUN;
    }
    if (link.queuedBytes() > CAUGHT_UP_BYTES) {
      return CatchUp.WAITING;
    }
    long[] held = Arrays.copyOf(others, otherCount + newestSamples.size());
    int n = otherCount;
    for (long[] newest : newestSamples.values()) {
      if (newest[0] != 0) {
        held[n++] = newest[0];
        newest[0] = 0;
      }
    }
    Arrays.sort(held, 0, n);
    FrameBatch batch = new FrameBatch();
    if (samplesDropped > 0) {
      batch.add(codec.encode(new Coalesced(replay.lastSeq(), samplesDropped)));
    }
    for (int i = 0; i < n; i++) {
      batch.add(replay.text(held[i]));
      if (batch.frameBytes() >= DashboardHub.FLUSH_BYTES) {
        link.send(batch.seal());
        batch = new FrameBatch();
      }
    }
    if (!batch.isEmpty()) {
      link.send(batch.seal());
    }
    otherCount = 0;
    othersBytes = 0;
    samplesDropped = 0;
    oldestHeldSeq = 0;
    behind = false;
    return CatchUp.LIVE;
  }
}
