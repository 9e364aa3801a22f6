package dev.vigil.server.history;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes history off the hot path: the core only offers to a bounded queue (never blocking, never
 * waking anyone); one daemon thread takes what is queued every {@link #DRAIN_MS} (at most {@link
 * #WRITE_BATCH_ITEMS} items at a time) into the open transaction, commits it every {@link
 * #COMMIT_INTERVAL_MS}, aggregates minute rollups as it goes and sweeps retention after commits.
 * Draining often and committing seldom keeps both costs low: an item and what the store builds of
 * it live for milliseconds, so the relay's young collections free them instead of promoting them
 * (queued for a whole commit interval, every sample was promoted, 5 MB/s at 10,000 agents, and the
 * full collections that followed held the relay for 400 ms), and a commit is paid 4 times a second.
 * A full queue drops the item and counts it; drops are logged at 1, 2, 4, 8, … and shown in {@code
 * /health} and {@code /metrics}.
 */
public final class HistoryWriter implements HistorySink, HistoryStats, AutoCloseable {
  /** Items the queue holds: 5 s of 10,000 agents at 1 Hz. Beyond this, items are dropped. */
  public static final int MAX_QUEUED_ITEMS = 50_000;

  /** How often the writer takes what is queued into the open transaction, in milliseconds. */
  public static final long DRAIN_MS = 20;

  /** How often the writer commits, in milliseconds: what is written is readable after this. */
  public static final long COMMIT_INTERVAL_MS = 250;

  /** Most items taken at a time; a fuller queue is taken at once, batch after batch. */
  public static final int WRITE_BATCH_ITEMS = 5_000;

  /** How often minutes of hosts that went quiet are checked for writing, in milliseconds. */
  public static final long ROLLUP_CHECK_MS = 1_000;

  /** How long {@link #close} waits for the last writes, in milliseconds. */
  public static final long CLOSE_TIMEOUT_MS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

  /** An alert change and when the relay broadcast it. */
  private record AlertChange(Alert alert, long atMs) {}

  private final HistoryStore store;
  private final MessageCodec codec;
  private final Clock clock;
  private final BlockingQueue<Object> queue;
  private final MinuteRollups minutes = new MinuteRollups();
  private final RetentionSweeper sweeper;
  private final Thread thread;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();
  private final AtomicLong flushRequests = new AtomicLong();
  private final Object progress = new Object();
  private long flushesDone;
  private volatile boolean stopping;

  /** A writer for {@code store}; call {@link #start}. */
  public HistoryWriter(
      HistoryStore store,
      MessageCodec codec,
      Duration rawRetention,
      Duration rollupRetention,
      Clock clock) {
    this(store, codec, rawRetention, rollupRetention, clock, MAX_QUEUED_ITEMS);
  }

  HistoryWriter(
      HistoryStore store,
      MessageCodec codec,
      Duration rawRetention,
      Duration rollupRetention,
      Clock clock,
      int queueCapacity) {
    this.store = store;
    this.codec = codec;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.sweeper = new RetentionSweeper(store, rawRetention, rollupRetention, clock);
    this.thread = new Thread(this::run, "vigil-history-writer");
    thread.setDaemon(true);
  }

  /** Starts the writer thread. */
  public HistoryWriter start() {
    thread.start();
    return this;
  }

  // ---- the core's side: offer only ----

  @Override
  public void sample(SampleRow sample) {
    offer(sample);
  }

  /** Offers {@code sample} as a row of its own (tests, tools). */
  public void sample(Sample sample) {
    offer(SampleRow.of(sample));
  }

  @Override
  public void event(DeviceEvent event) {
    offer(event);
  }

  @Override
  public void alertChanged(Alert alert, long atMs) {
    offer(new AlertChange(alert, atMs));
  }

  private void offer(Object item) {
    if (!queue.offer(item)) {
      long n = dropped.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        log.warn("History queue full ({} items): {} items dropped so far", queue.size(), n);
      }
    }
  }

  /** The store this writer writes to; reads may go to it directly from any thread. */
  public HistoryStore store() {
    return store;
  }

  // ---- stats (any thread) ----

  @Override
  public long rowsWritten() {
    return rowsWritten.get();
  }

  @Override
  public long itemsDropped() {
    return dropped.get();
  }

  @Override
  public int queueItems() {
    return queue.size();
  }

  /**
   * Waits until everything offered before this call, and every minute open now, is committed.
   * Returns false when {@code timeout} passed first.
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long request = flushRequests.incrementAndGet();
    LockSupport.unpark(thread);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (flushesDone < request) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
    }
    return true;
  }

  /**
   * Writes what is queued and every open minute, then closes the store; waits at most {@link
   * #CLOSE_TIMEOUT_MS}.
   */
  @Override
  public void close() {
    stopping = true;
    LockSupport.unpark(thread);
    try {
      thread.join(CLOSE_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn(
          "History writer still busy after {} ms; {} items left unwritten",
          CLOSE_TIMEOUT_MS,
          queue.size());
    }
  }

  // ---- the writer thread ----

  private void run() {
    List<Object> items = new ArrayList<>(WRITE_BATCH_ITEMS);
    long lastRollupCheckMs = clock.millis();
    long lastCommitNanos = System.nanoTime();
    int uncommittedItems = 0;
    int uncommittedRows = 0;
    try {
      while (true) {
        long startNanos = System.nanoTime();
        boolean stop = stopping;
        long request = flushRequests.get();
        items.clear();
        queue.drainTo(items, WRITE_BATCH_ITEMS);
        boolean drained = queue.isEmpty();
        boolean flushing = (stop || request > flushesDone()) && drained;
        List<Rollup> rollups = new ArrayList<>();
        HistoryBatch batch = batch(items, rollups);
        long now = clock.millis();
        if (flushing) {
          minutes.flushAll(rollups);
        } else if (now - lastRollupCheckMs >= ROLLUP_CHECK_MS) {
          minutes.flushEnded(now, rollups);
          lastRollupCheckMs = now;
        }
        if (append(batch, items.size() + uncommittedItems)) {
          uncommittedItems += items.size();
          uncommittedRows += batch.rows();
        } else {
          uncommittedItems = 0;
          uncommittedRows = 0;
        }
        boolean commitDue =
            System.nanoTime() - lastCommitNanos
                >= TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MS);
        if (flushing || commitDue) {
          commit(uncommittedItems, uncommittedRows);
          uncommittedItems = 0;
          uncommittedRows = 0;
          lastCommitNanos = System.nanoTime();
          if (drained) {
            flushed(request);
          }
          if (stop && drained) {
            return;
          }
          sweep();
        }
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(DRAIN_MS) - (System.nanoTime() - startNanos);
        if (items.size() < WRITE_BATCH_ITEMS && waitNanos > 0 && !stopping) {
          LockSupport.parkNanos(this, waitNanos);
        }
      }
    } finally {
      store.close();
    }
  }

  private HistoryBatch batch(List<Object> items, List<Rollup> rollups) {
    List<SampleRow> samples = new ArrayList<>(items.size());
    List<StoredEvent> events = new ArrayList<>();
    List<StoredTransition> transitions = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof SampleRow s) {
        samples.add(s);
        minutes.add(s, rollups);
      } else if (item instanceof DeviceEvent e) {
        events.add(
            new StoredEvent(
                e.hostId(), e.timestampMs(), e.kind().wireName(), e.device().id(), body(e)));
      } else if (item instanceof AlertChange c) {
        Alert a = c.alert();
        JsonObject json = bodyTree(a);
        transitions.add(
            new StoredTransition(
                a.id(),
                a.hostId(),
                json.get("state").getAsString(),
                json.get("severity").getAsString(),
                c.atMs(),
                a.ack() == null ? null : a.ack().by(),
                json.toString()));
      }
    }
    return new HistoryBatch(samples, rollups, events, transitions);
  }

  /**
   * Appends {@code batch}; false when that failed, which undid the open transaction: its {@code
   * atStake} items (this batch's and those appended since the last commit) are counted dropped.
   */
  private boolean append(HistoryBatch batch, int atStake) {
    if (batch.rows() == 0) {
      return true;
    }
    try {
      store.append(batch);
      return true;
    } catch (RuntimeException e) {
      long n = dropped.addAndGet(atStake);
      log.error(
          "History write of {} items failed ({} dropped so far): {}", atStake, n, e.toString());
      return false;
    }
  }

  private void commit(int items, int rows) {
    if (rows == 0) {
      return;
    }
    try {
      store.commit();
      rowsWritten.addAndGet(rows);
    } catch (RuntimeException e) {
      long n = dropped.addAndGet(items);
      log.error(
          "History commit of {} items failed ({} dropped so far): {}", items, n, e.toString());
    }
  }

  private void sweep() {
    try {
      sweeper.step();
    } catch (RuntimeException e) {
      log.error("History retention sweep failed: {}", e.toString());
    }
  }

  private long flushesDone() {
    synchronized (progress) {
      return flushesDone;
    }
  }

  private void flushed(long request) {
    synchronized (progress) {
      if (request > flushesDone) {
        flushesDone = request;
        progress.notifyAll();
      }
    }
  }

  /** The message's body as the codec encodes it. */
  private String body(Message message) {
    return bodyTree(message).toString();
  }

  private JsonObject bodyTree(Message message) {
    JsonElement envelope = JsonParser.parseString(codec.encode(message));
    return envelope.getAsJsonObject().getAsJsonObject("body");
  }
}
