package dev.vigil.bench.run;

import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.load.ReconnectLog;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Measures a reconnect storm: connects idle agents that redial with the real agent's full-jitter
 * backoff, says {@link #READY_LINE} so the caller can kill and restart the relay, then records how
 * fast the agents become ready again.
 */
public final class ReconnectRunner {
  /** Printed once every agent is connected: the caller may now take the relay down. */
  public static final String READY_LINE = "ready: take the relay down";

  /** Longest wait for the first connect of every agent. */
  static final long CONNECT_TIMEOUT_MS = 120_000;

  /** Longest wait for the relay to go down once told ready. */
  static final long DROP_TIMEOUT_MS = 60_000;

  /** Pause between polls of the connection counts. */
  static final long POLL_MS = 10;

  private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long TENTH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * Runs the measurement against the relay at {@code server}; waits up to {@code comeBackMs} for
   * every agent to be back after the drop.
   */
  public ReconnectResult run(
      InetSocketAddress server,
      int connections,
      PeerDialect dialect,
      long comeBackMs,
      long downMs,
      PrintStream out)
      throws IOException, InterruptedException {
    ReconnectLog log = new ReconnectLog();
    LoadEngine engine =
        new LoadEngine(
            server, dialect, connections, 0, new Measurement(connections, 1, 1), System.nanoTime());
    engine.redialWithBackoff(log);
    engine.start();
    try {
      engine.connect(Role.AGENT);
      await(() -> engine.counts().agentsReady() == connections, CONNECT_TIMEOUT_MS, "connect");
      out.println(READY_LINE);
      out.flush();
      await(() -> log.drops() > 0, DROP_TIMEOUT_MS, "the relay to go down");
      long dropNanos = log.firstDropNanos();
      await(
          () -> engine.counts().agentsReady() == 0 || log.drops() >= connections,
          DROP_TIMEOUT_MS,
          "every agent to notice the drop");
      long deadline = dropNanos + TimeUnit.MILLISECONDS.toNanos(comeBackMs);
      while (log.readyTimesFrom(dropNanos).length < connections && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MS);
      }
      long[] ready = log.readyTimesFrom(dropNanos);
      Arrays.sort(ready);
      return new ReconnectResult(
          connections,
          ready.length,
          ReconnectResult.peakInWindow(ready, SECOND_NANOS),
          ReconnectResult.peakInWindow(ready, TENTH_NANOS) * 10,
          ready.length == 0 ? -1 : millis(ready[0] - dropNanos),
          ready.length < (connections + 1) / 2
              ? -1
              : millis(ready[(connections + 1) / 2 - 1] - dropNanos),
          ready.length < connections ? -1 : millis(ready[ready.length - 1] - dropNanos),
          log.failedDials(),
          downMs);
    } finally {
      engine.close();
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void await(java.util.function.BooleanSupplier done, long timeoutMs, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(POLL_MS);
    }
  }
}
