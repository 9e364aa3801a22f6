package dev.vigil.server.link;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * does not guard this; compare TooTallNate/Java-WebSocket#145). Every {@link #CHECK_INTERVAL_MS}
 * this looks at each connection: frames queued while the selector is not asked to write means
 * exactly that state, and the demand is made again. A demand made twice is harmless.
 */
final class LostWriteRescue implements AutoCloseable {
  /** How often connections are checked; the longest a lost write waits. */
  static final long CHECK_INTERVAL_MS = 50;

  private static final Logger log = LoggerFactory.getLogger(LostWriteRescue.class);

  private final Supplier<Collection<WebSocket>> connections;
  private final Consumer<WebSocket> demandWrite;
  private final AtomicLong rescued = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-ws-write-check");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param connections the server's open connections now
   * @param demandWrite asks the selector to write a connection's queue
   */
  LostWriteRescue(Supplier<Collection<WebSocket>> connections, Consumer<WebSocket> demandWrite) {
    this.connections = connections;
    this.demandWrite = demandWrite;
  }

  /** Starts checking every {@link #CHECK_INTERVAL_MS}. */
  void start() {
    timer.scheduleWithFixedDelay(
        this::checkQuietly, CHECK_INTERVAL_MS, CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** Write demands made again so far. */
  long rescued() {
    return rescued.get();
  }

  /** Checks every connection once; returns how many had lost their write demand. */
  int check() {
    int found = 0;
    for (WebSocket conn : connections.get()) {
      if (conn instanceof WebSocketImpl impl && lostWrite(impl)) {
        demandWrite.accept(impl);
        found++;
      }
    }
    if (found > 0) {
      long total = rescued.addAndGet(found);
      log.debug(
          "Re-requested the write of {} connections' queued frames ({} so far)", found, total);
    }
    return found;
  }

  private static boolean lostWrite(WebSocketImpl impl) {
    if (impl.outQueue.isEmpty()) {
      return false;
    }
    SelectionKey key = impl.getSelectionKey();
    try {
      return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
    } catch (CancelledKeyException e) {
      return false; // closed meanwhile: whoever cancelled it cleans up
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
