package dev.vigil.server.relay;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work from transport threads to the core thread in batches: the first task into an empty
 * inbox schedules one drain a short moment later, and every task that arrives meanwhile rides
 * along. At thousands of messages a second this wakes the core thread a few hundred times instead
 * of once per message, at the cost of at most {@code coalesceNanos} of latency. Tasks run in the
 * order they were offered. Thread-safe.
 */
final class CoreInbox {
  /** Tasks one drain runs before it yields to the core's timers and queries. */
  static final int MAX_TASKS_PER_DRAIN = 4096;

  private static final Logger log = LoggerFactory.getLogger(CoreInbox.class);

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final ScheduledExecutorService core;
  private final long coalesceNanos;
  private final Runnable drain = this::drain;

  /**
   * @param core the single-threaded executor that runs the tasks
   * @param coalesceNanos how long the first task of a batch waits for others to join it
   */
  CoreInbox(ScheduledExecutorService core, long coalesceNanos) {
    this.core = core;
    this.coalesceNanos = coalesceNanos;
  }

  /** Queues {@code task} for the core thread. The task must not throw. */
  void offer(Runnable task) {
    tasks.add(task);
    if (drainScheduled.compareAndSet(false, true)) {
      schedule(coalesceNanos);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    for (int i = 0; i < MAX_TASKS_PER_DRAIN; i++) {
      Runnable task = tasks.poll();
      if (task == null) {
        return;
      }
      task.run();
    }
    if (!tasks.isEmpty() && drainScheduled.compareAndSet(false, true)) {
      schedule(0);
    }
  }

  private void schedule(long delayNanos) {
    try {
      if (delayNanos <= 0) {
        core.execute(drain);
      } else {
        core.schedule(drain, delayNanos, TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      log.debug("Relay core stopped; {} transport events dropped", tasks.size());
      tasks.clear();
    }
  }
}
