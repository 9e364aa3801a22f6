package dev.vigil.ui.support;

import dev.vigil.ui.connection.ConnectionPhase;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.connection.RelayListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects what a relay client reports, so tests can wait for a particular event. */
public final class RecordingListener implements RelayListener {
  private final BlockingQueue<RelayEvent> events = new LinkedBlockingQueue<>();

  @Override
  public void onRelayEvent(RelayEvent event) {
    events.add(event);
  }

  /** Waits for the first event matching, discarding the others; fails after the timeout. */
  public RelayEvent await(Predicate<RelayEvent> matching, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      long leftNs = deadline - System.nanoTime();
      RelayEvent event = leftNs <= 0 ? null : events.poll(leftNs, TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no matching relay event within " + timeoutMs + " ms");
      }
      if (matching.test(event)) {
        return event;
      }
    }
  }

  /** Waits for the link to reach a phase and returns that status. */
  public ConnectionStatus awaitPhase(ConnectionPhase phase, long timeoutMs)
      throws InterruptedException {
    return ((RelayEvent.StatusChanged)
            await(
                e -> e instanceof RelayEvent.StatusChanged s && s.status().phase() == phase,
                timeoutMs))
        .status();
  }

  /** The next event within the time, or null if none came. */
  public RelayEvent next(long timeoutMs) throws InterruptedException {
    return events.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
