package dev.vigil.bench.run;

import dev.vigil.bench.load.ConnectionCounts;
import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.proc.ProcReader;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what an idle agent connection costs the relay. Agents send {@code hello} and answer
 * pings but send no samples. The relay's memory is read (full GC first) before any connect and
 * after each of {@link #STEPS} equal steps of connections has connected and settled: the first step
 * pays the one-time JVM costs, the slope over the steps shows the marginal cost of a connection.
 */
public final class IdleMemoryRunner {
  /** Equal steps the idle agents connect in; the relay's memory is read after each. */
  static final int STEPS = 5;

  /**
   * Idle agents sit this long before each reading: their handshakes are done and the relay holds
   * only what it keeps per connection (a ping and its answer retain nothing, and the full GC before
   * each reading removes what they left).
   */
  static final long SETTLE_MS = 3_000;

  /** Longest wait for each step of the idle agents to be ready. */
  static final long CONNECT_TIMEOUT_MS = 60_000;

  /** Each measurement point is read after the full GC and this pause. */
  static final long AFTER_GC_MS = 500;

  /** Pause between polls of the connection counts while agents connect. */
  static final long POLL_MS = 20;

  private final ProcReader proc = new ProcReader();

  /**
   * Connects {@code connections} idle agents speaking {@code dialect} to the relay at {@code
   * server}, in {@link #STEPS} steps, and reads the relay's memory before and after each.
   */
  public IdleMemoryResult run(
      InetSocketAddress server, long relayPid, int connections, PeerDialect dialect)
      throws IOException, InterruptedException {
    if (connections < STEPS) {
      throw new IllegalArgumentException(
          "need at least " + STEPS + " idle agents, got " + connections);
    }
    MemoryReading before = read(relayPid, 0);
    Measurement unused = new Measurement(connections, 1, 1);
    LoadEngine engine = new LoadEngine(server, dialect, connections, 0, unused, System.nanoTime());
    engine.start();
    try {
      List<MemoryReading> steps = new ArrayList<>();
      int from = 0;
      for (int step = 1; step <= STEPS; step++) {
        int to = (int) ((long) connections * step / STEPS);
        steps.add(connectAndRead(engine, relayPid, from, to));
        from = to;
      }
      return new IdleMemoryResult(connections, before, steps);
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
