package dev.vigil.server.link;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds frames Java-WebSocket queued but will not write, and asks its selector to write them.
 *
 * <p>The library's selector, after writing a connection's queue empty, sets the connection's
 * interest back to read only. A frame queued by another thread between the selector's last look at
 * the queue and that reset loses its write demand: it waits until the next frame for the same
 * connection, which for a quiet dashboard is the next heartbeat ping, seconds later (the library
 * does not guard this; compare TooTallNate/Java-WebSocket#145). Every link that queues a frame is
 * watched until its queue is empty; every {@link #CHECK_INTERVAL_MS} each watched link with frames
 * queued while the selector is not asked to write is in exactly that state, and the demand is made
 * again (a demand made twice is harmless). The cost follows the links written to, not the links
 * open.
 */
final class LostWriteRescue implements AutoCloseable {
  /** How often watched links are checked; about the longest a lost write waits. */
  static final long CHECK_INTERVAL_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(LostWriteRescue.class);

  private final Consumer<WebSocket> demandWrite;
  private final Queue<WebSocketPeerLink> watched = new ConcurrentLinkedQueue<>();
  private final List<WebSocketPeerLink> round = new ArrayList<>();
  private final AtomicLong rescued = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-ws-write-check");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param demandWrite asks the selector to write a connection's queue
   */
  LostWriteRescue(Consumer<WebSocket> demandWrite) {
    this.demandWrite = demandWrite;
  }

  /** Starts checking every {@link #CHECK_INTERVAL_MS}. */
  void start() {
    timer.scheduleWithFixedDelay(
        this::checkQuietly, CHECK_INTERVAL_MS, CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** {@code link} queued a frame: watch it until its queue is empty. Any thread; cheap. */
  void written(WebSocketPeerLink link) {
    if (link.watch()) {
      watched.add(link);
    }
  }

  /** Write demands made again so far. */
  long rescued() {
    return rescued.get();
  }

  /**
   * Checks every watched link once; returns how many had lost their write demand. Called by the
   * timer thread only (and by tests while the timer is not started).
   */
  synchronized int check() {
    for (WebSocketPeerLink link = watched.poll(); link != null; link = watched.poll()) {
      round.add(link);
    }
    int found = 0;
    for (WebSocketPeerLink link : round) {
      link.unwatch(); // a frame queued from now on watches it again
      WebSocketImpl conn = link.impl();
      if (conn == null || conn.outQueue.isEmpty()) {
        continue;
      }
      SelectionKey key = conn.getSelectionKey();
      try {
        if (key == null || !key.isValid()) {
          continue; // closed: whoever cancelled the key cleans up
        }
        if ((key.interestOps() & SelectionKey.OP_WRITE) == 0) {
          counted(rescued.incrementAndGet()); // before the demand: counted once it can arrive
          demandWrite.accept(conn);
          found++;
        }
      } catch (CancelledKeyException e) {
        continue;
      }
      written(link); // frames still queued: look again next round
    }
    round.clear();
    return found;
  }

  private static void counted(long total) {
    if (Long.bitCount(total) == 1) { // 1, 2, 4, 8, … in the log
      log.info(
          "Re-requested the write of frames the WebSocket selector left queued: {} so far", total);
    } else {
      log.debug("Re-requested the write of a link's queued frames ({} so far)", total);
    }
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      log.warn("Checking for lost WebSocket writes failed; checking again shortly", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
