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
 * Measures what an idle agent connection costs the relay. Agents send {@code hello} and answer
 * pings but send no samples. The relay's memory is read (full GC first) before any connect, after
 * the first half has connected and settled, and after the second half has: the first half pays the
 * one-time JVM costs, the second half shows the marginal cost of a connection.
 */
public final class IdleMemoryRunner {
  /** Idle agents sit this long before each reading (more than one heartbeat interval). */
  static final long SETTLE_MS = 6_000;

  /** Longest wait for each half of the idle agents to be ready. */
  static final long CONNECT_TIMEOUT_MS = 60_000;

  /** Each measurement point is read after the full GC and this pause. */
  static final long AFTER_GC_MS = 500;

  /** Pause between polls of the connection counts while agents connect. */
  static final long POLL_MS = 20;

  private final ProcReader proc = new ProcReader();

  /**
   * Connects {@code connections} idle agents speaking {@code dialect} to the relay at {@code
   * server}, in two halves, and reads the relay's memory before, between and after.
   */
  public IdleMemoryResult run(
      InetSocketAddress server, long relayPid, int connections, PeerDialect dialect)
      throws IOException, InterruptedException {
    if (connections < 2) {
      throw new IllegalArgumentException("need at least 2 idle agents, got " + connections);
    }
    int firstHalf = connections / 2;
    MemoryReading before = read(relayPid, 0);
    Measurement unused = new Measurement(connections, 1, 1);
    LoadEngine engine = new LoadEngine(server, dialect, connections, 0, unused, System.nanoTime());
    engine.start();
    try {
      MemoryReading half = connectAndRead(engine, relayPid, 0, firstHalf);
      MemoryReading full = connectAndRead(engine, relayPid, firstHalf, connections);
      return new IdleMemoryResult(connections, before, half, full);
    } finally {
      engine.close();
    }
  }

  /**
   * Connects agents {@code fromIndex} to {@code toIndex}, waits until each is ready or failed, lets
   * them settle and reads the relay's memory.
   */
  private MemoryReading connectAndRead(LoadEngine engine, long relayPid, int fromIndex, int toIndex)
      throws IOException, InterruptedException {
    engine.connect(Role.AGENT, fromIndex, toIndex);
    long deadline = System.nanoTime() + CONNECT_TIMEOUT_MS * 1_000_000;
    ConnectionCounts counts = engine.counts();
    while (counts.agentsReady() + counts.failedBeforeReady() < toIndex
        && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MS);
      counts = engine.counts();
    }
    Thread.sleep(SETTLE_MS);
    return read(relayPid, engine.counts().agentsReady());
  }

  /** Full GC and live heap (one jcmd call), a pause, then resident memory. */
  private MemoryReading read(long relayPid, int connected)
      throws IOException, InterruptedException {
    long liveHeapBytes = Jcmd.liveHeapBytes(relayPid);
    Thread.sleep(AFTER_GC_MS);
    return new MemoryReading(connected, proc.read(relayPid).rssBytes(), liveHeapBytes);
  }
}
