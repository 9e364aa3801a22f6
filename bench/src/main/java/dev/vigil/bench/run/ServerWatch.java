package dev.vigil.bench.run;

import dev.vigil.bench.proc.ProcReader;
import java.io.IOException;

/**
 * Sleeps until a given instant while checking the server's resident memory against a limit, so an
 * unbounded queue in the system under test cannot take the machine down.
 */
final class ServerWatch {
  /** How often the server's memory is checked against the limit. */
  static final long WATCH_INTERVAL_MS = 250;

  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private final ProcReader proc;
  private final long serverPid;
  private final long rssLimitBytes;

  /** {@code serverPid} 0 (unknown) watches nothing and only sleeps. */
  ServerWatch(ProcReader proc, long serverPid, long rssLimitBytes) {
    this.proc = proc;
    this.serverPid = serverPid;
    this.rssLimitBytes = rssLimitBytes;
  }

  /**
   * Sleeps until {@code untilNanos} ({@link System#nanoTime()}).
   *
   * @return why the run must stop, or null
   */
  String until(long untilNanos) throws InterruptedException, IOException {
    while (true) {
      long left = untilNanos - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Thread.sleep(Math.max(1, Math.min(WATCH_INTERVAL_MS, left / 1_000_000)));
      if (serverPid > 0) {
        long rss = proc.read(serverPid).rssBytes();
        if (rss > rssLimitBytes) {
          return String.format(
              "aborted: server RSS %.0f MiB over the %.0f MiB limit",
              rss / BYTES_PER_MIB, rssLimitBytes / BYTES_PER_MIB);
        }
      }
    }
  }
}
