package dev.vigil.bench.run;

import dev.vigil.bench.load.ConnectionCounts;
import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.proc.ProcReader;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Measures what an idle agent connection costs the relay: full GC and memory reading, connect K
 * agents that send {@code hello} and answer pings but send no samples, let them settle, full GC and
 * memory reading again.
 */
public final class IdleMemoryRunner {
  /** Idle agents sit this long before the second reading (more than one heartbeat interval). */
  static final long SETTLE_MS = 6_000;

  /** Longest wait for every idle agent to be ready. */
  static final long CONNECT_TIMEOUT_MS = 60_000;

  /** Each measurement point is read after the full GC and this pause. */
  static final long AFTER_GC_MS = 500;

  private final ProcReader proc = new ProcReader();

  /**
   * Connects {@code connections} idle agents speaking {@code dialect} to the relay at {@code
   * server}.
   */
  public IdleMemoryResult run(
      InetSocketAddress server, long relayPid, int connections, PeerDialect dialect)
      throws IOException, InterruptedException {
    long heapBefore = Jcmd.liveHeapBytes(relayPid);
    Thread.sleep(AFTER_GC_MS);
    long rssBefore = proc.read(relayPid).rssBytes();
    Measurement unused = new Measurement(connections, 1, 1);
    LoadEngine engine = new LoadEngine(server, dialect, connections, 0, unused, System.nanoTime());
    engine.start();
    try {
      engine.connect(Role.AGENT);
      long deadline = System.nanoTime() + CONNECT_TIMEOUT_MS * 1_000_000;
      ConnectionCounts counts = engine.counts();
      while (counts.agentsReady() + counts.failedBeforeReady() < connections
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
        counts = engine.counts();
      }
      Thread.sleep(SETTLE_MS);
      long heapAfter = Jcmd.liveHeapBytes(relayPid);
      Thread.sleep(AFTER_GC_MS);
      long rssAfter = proc.read(relayPid).rssBytes();
      int connected = engine.counts().agentsReady();
      return new IdleMemoryResult(
          connections, connected, rssBefore, rssAfter, heapBefore, heapAfter);
    } finally {
      engine.close();
    }
  }
}
