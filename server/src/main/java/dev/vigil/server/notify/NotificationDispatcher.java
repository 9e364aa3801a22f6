package dev.vigil.server.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert transitions to the notification channels off the relay core thread. {@link #offer}
 * never blocks: it queues one delivery per channel whose filter accepts the transition, up to
 * {@link #MAX_QUEUED} unfinished deliveries in all; past that a delivery is dropped and counted.
 * Each delivery is attempted on a small executor and retried with exponential backoff ({@link
 * RetryPolicy}); one that fails every attempt is logged at error and counted as failed. Delivery is
 * at-least-once per channel; what is unfinished is kept in {@link PendingNotifications} as it
 * changes (given {@link #keepUnfinishedIn}), listed by {@link #unfinished} and taken back by the
 * next run's {@link #resume}. Thread-safe.
 */
public final class NotificationDispatcher implements AlertTransitions, AutoCloseable {
  /**
   * Deliveries (one transition for one channel) unfinished at once, at most: waiting for an
   * attempt, under way or waiting to be retried.
   */
  public static final int MAX_QUEUED = 1_000;

  /** Threads attempting deliveries: a hanging channel holds one until its own timeout. */
  public static final int THREADS = 2;

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final List<NotificationChannel> channels;
  private final Map<NotificationChannel, ChannelCounters> counters = new LinkedHashMap<>();
  private final NotificationJson json;
  private final String relayId;
  private final Clock clock;
  private final RetryPolicy retry;
  private final int maxQueued;
  private final AtomicInteger queued = new AtomicInteger();
  private final Set<Delivery> unfinished = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor executor;
  private volatile PendingNotifications pending;

  /**
   * @param maxQueued unfinished deliveries at most; {@link #MAX_QUEUED} outside tests
   */
  public NotificationDispatcher(
      List<NotificationChannel> channels,
      NotificationJson json,
      String relayId,
      Clock clock,
      RetryPolicy retry,
      int maxQueued) {
    this.channels = List.copyOf(channels);
    for (NotificationChannel channel : this.channels) {
      counters.put(channel, new ChannelCounters());
    }
    this.json = json;
    this.relayId = relayId;
    this.clock = clock;
    this.retry = retry;
    this.maxQueued = maxQueued;
    AtomicInteger threadCount = new AtomicInteger();
    this.executor =
        new ScheduledThreadPoolExecutor(
            THREADS,
            r -> {
              Thread t = new Thread(r, "vigil-notify-" + threadCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Keeps the unfinished deliveries in {@code pending} from now on, rewritten (off the caller's
   * thread) each time one is queued or finishes.
   */
  public void keepUnfinishedIn(PendingNotifications pending) {
    this.pending = pending;
  }

  /** Queues {@code change} for every channel that accepts it; returns at once. */
  @Override
  public void offer(AlertChange change) {
    for (NotificationChannel channel : channels) {
      if (!channel.filter().accepts(change)) {
        continue;
      }
      ChannelCounters count = counters.get(channel);
      if (queued.incrementAndGet() > maxQueued) {
        queued.decrementAndGet();
        count.dropped.incrementAndGet();
        log.warn(
            "Notification queue full ({} deliveries): dropped {} {} for {}",
            maxQueued,
            change.transition().wireName(),
            change.alert().id(),
            channel.name());
        continue;
      }
      Delivery delivery = new Delivery(channel, count, change);
      unfinished.add(delivery);
      unfinishedChanged();
      schedule(delivery, 0);
    }
  }

  /**
   * Queues deliveries a previous run left unfinished, each to the channel of its name; one for a
   * channel no longer configured is dropped (logged).
   */
  public void resume(List<PendingDelivery> deliveries) {
    for (PendingDelivery d : deliveries) {
      NotificationChannel channel =
          channels.stream().filter(c -> c.name().equals(d.channel())).findFirst().orElse(null);
      if (channel == null) {
        log.warn(
            "Dropping a kept {} of {}: channel {} is no longer configured",
            d.transition().wireName(),
            d.alert().id(),
            d.channel());
        continue;
      }
      ChannelCounters count = counters.get(channel);
      if (queued.incrementAndGet() > maxQueued) {
        queued.decrementAndGet();
        count.dropped.incrementAndGet();
        continue;
      }
      Delivery delivery = new Delivery(channel, count, new AlertChange(d.alert(), d.transition()));
      unfinished.add(delivery);
      schedule(delivery, 0);
    }
    unfinishedChanged(); // also when every one was dropped: the file no longer lists them
  }

  /**
   * Deliveries not finished (neither sent nor given up on): after {@link #close}, those abandoned
   * (queued, retrying or interrupted under way), to be attempted again by the next run.
   */
  public List<PendingDelivery> unfinished() {
    return unfinished.stream()
        .map(d -> new PendingDelivery(d.channel.name(), d.change.alert(), d.change.transition()))
        .toList();
  }

  /** Every channel's counts now. */
  public NotificationStats stats() {
    Map<String, ChannelStats> byName = new LinkedHashMap<>();
    counters.forEach((channel, count) -> byName.put(channel.name(), count.snapshot()));
    return new NotificationStats(queued.get(), byName);
  }

  /**
   * Stops attempting: waits up to {@code waitMs} for attempts under way, then abandons them and
   * every delivery still queued or retrying (logged), and writes what is unfinished to the {@link
   * PendingNotifications} it keeps them in, if any, waiting for the write.
   */
  public void close(long waitMs) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(waitMs, TimeUnit.MILLISECONDS)) {
      executor.shutdownNow();
    }
    int left = queued.get();
    if (left > 0) {
      log.warn("Notifications stopped with {} deliveries undelivered", left);
    }
    PendingNotifications keeper = pending;
    if (keeper != null) {
      keeper.keep(unfinished());
    }
  }

  @Override
  public void close() throws InterruptedException {
    close(0);
  }

  private void unfinishedChanged() {
    PendingNotifications keeper = pending;
    if (keeper != null) {
      keeper.changed(this::unfinished);
    }
  }

  private void schedule(Delivery delivery, long delayMs) {
    try {
      executor.schedule(delivery, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopped: the delivery stays unfinished, to be kept for the next run.
      queued.decrementAndGet();
      if (delivery.attempt > 0) {
        delivery.count.retrying.decrementAndGet();
      }
      delivery.count.dropped.incrementAndGet();
      log.debug("Notifications stopped; dropping a delivery for {}", delivery.channel.name());
    }
  }

  /** One transition for one channel, attempt after attempt. */
  private final class Delivery implements Runnable {
    final NotificationChannel channel;
    final ChannelCounters count;
    final AlertChange change;
    int attempt;

    Delivery(NotificationChannel channel, ChannelCounters count, AlertChange change) {
      this.channel = channel;
      this.count = count;
      this.change = change;
    }

    @Override
    public void run() {
      attempt++;
      if (attempt > 1) {
        count.retrying.decrementAndGet();
      }
      long now = clock.millis();
      Notification notification =
          new Notification(
              change.alert(),
              change.transition(),
              relayId,
              now,
              json.encode(change.alert(), change.transition(), relayId, now));
      try {
        channel.send(notification);
        queued.decrementAndGet();
        unfinished.remove(this);
        unfinishedChanged();
        count.sent.incrementAndGet();
        log.debug("{}: sent {} {}", channel.name(), change.transition().wireName(), id());
      } catch (InterruptedException e) {
        queued.decrementAndGet();
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        failedAttempt(e);
      }
    }

    private void failedAttempt(Exception e) {
      if (attempt >= retry.maxAttempts()) {
        queued.decrementAndGet();
        unfinished.remove(this);
        unfinishedChanged();
        count.failed.incrementAndGet();
        log.error(
            "{}: gave up on {} {} after {} attempts: {}",
            channel.name(),
            change.transition().wireName(),
            id(),
            attempt,
            e.toString());
        return;
      }
      long delayMs = retry.delayAfter(attempt).toMillis();
      count.retries.incrementAndGet();
      count.retrying.incrementAndGet();
      log.warn(
          "{}: attempt {} of {} {} failed, retrying in {} ms: {}",
          channel.name(),
          attempt,
          change.transition().wireName(),
          id(),
          delayMs,
          e.toString());
      schedule(this, delayMs);
    }

    private String id() {
      return change.alert().id();
    }
  }
}
