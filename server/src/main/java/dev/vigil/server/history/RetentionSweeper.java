package dev.vigil.server.history;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is past retention: every {@link #SWEEP_INTERVAL}, host by host, a few hosts per
 * {@link #step} so that the writer's batches go on between them. Runs on the writer thread.
 */
final class RetentionSweeper {
  /** How often a sweep starts: hourly, and once at start-up. */
  public static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

  /** Hosts swept per step, between two write batches. */
  public static final int SWEEP_HOSTS_PER_STEP = 20;

  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final HistoryStore store;
  private final Duration rawRetention;
  private final Duration rollupRetention;
  private final Clock clock;
  private final Deque<String> pending = new ArrayDeque<>();
  private long nextSweepMs;
  private long rawBeforeMs;
  private long rollupBeforeMs;
  private long deleted;

  RetentionSweeper(
      HistoryStore store, Duration rawRetention, Duration rollupRetention, Clock clock) {
    this.store = store;
    this.rawRetention = rawRetention;
    this.rollupRetention = rollupRetention;
    this.clock = clock;
    this.nextSweepMs = clock.millis();
  }

  /** Sweeps a few hosts when a sweep is due or under way; returns true while one is under way. */
  boolean step() {
    long now = clock.millis();
    if (pending.isEmpty()) {
      if (now < nextSweepMs) {
        return false;
      }
      nextSweepMs = now + SWEEP_INTERVAL.toMillis();
      rawBeforeMs = now - rawRetention.toMillis();
      rollupBeforeMs = now - rollupRetention.toMillis();
      deleted = 0;
      pending.addAll(store.hostIds());
      if (pending.isEmpty()) {
        return false;
      }
    }
    for (int i = 0; i < SWEEP_HOSTS_PER_STEP && !pending.isEmpty(); i++) {
      deleted += store.sweepHost(pending.poll(), rawBeforeMs, rollupBeforeMs);
    }
    if (pending.isEmpty()) {
      log.info("History retention sweep deleted {} rows", deleted);
      return false;
    }
    return true;
  }
}
