package dev.vigil.bench.run;

import dev.vigil.bench.load.ConnectionCounts;
import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.OpenLoopSchedule;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.proc.ProcReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell: connects the dashboards, then the agents, waits for the connect burst to quiet
 * down, sends on the open-loop schedule through settle, window and drain, reads the server's and
 * its own CPU at the window edges, and sums up. Aborts early if the server's memory runs away.
 */
public final class CellRunner {
  /** Time between two samples of one agent: 1 Hz, as the agent's default. */
  public static final long SAMPLE_PERIOD_NANOS = 1_000_000_000L;

  /** Sending starts this long after it is planned, so every agent starts on schedule. */
  static final long START_DELAY_MS = 200;

  /** After the last send, in-flight messages get this long before the engine stops. */
  static final long FINAL_GRACE_MS = 500;

  /** Extra sequence numbers the ledger holds beyond the planned sends. */
  static final long SEQ_SLACK = 4;

  private static final Logger log = LoggerFactory.getLogger(CellRunner.class);
  private static final double NANOS_PER_SECOND = 1e9;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private final ProcReader proc = new ProcReader();

  /** Runs {@code config} speaking {@code dialect}. */
  public CellResult run(CellConfig config, PeerDialect dialect)
      throws IOException, InterruptedException {
    long origin = System.nanoTime();
    long plannedMs = config.settleMs() + config.windowMs() + config.drainMs();
    long maxSeq = plannedMs * 1_000_000 / SAMPLE_PERIOD_NANOS + SEQ_SLACK;
    Measurement measurement = new Measurement(config.agents(), config.dashboards(), maxSeq);
    List<String> notes = new ArrayList<>();
    ServerWatch watch = new ServerWatch(proc, config.serverPid(), config.serverRssLimitBytes());
    int allDashboards = config.dashboards() + config.stalledDashboards();
    LoadEngine engine =
        new LoadEngine(
            config.server(), dialect, config.agents(), allDashboards, measurement, origin);
    engine.stallDashboardsFrom(config.dashboards());
    if (config.stalledDashboards() > 0) {
      notes.add(
          "+"
              + config.stalledDashboards()
              + " stalled dashboard(s): stop reading once ready; not measured");
    }
    engine.start();
    ConnectPhase.Outcome connected;
    CpuSnapshot cpu0;
    CpuSnapshot cpu1;
    long windowNanos;
    try {
      connected =
          ConnectPhase.run(
              engine, config.agents(), allDashboards, config.connectTimeoutMs(), notes);
      long t0 = System.nanoTime() + START_DELAY_MS * 1_000_000;
      long windowStart = t0 + config.settleMs() * 1_000_000;
      long windowEnd = windowStart + config.windowMs() * 1_000_000;
      windowNanos = windowEnd - windowStart;
      engine.startSending(
          new OpenLoopSchedule(t0, SAMPLE_PERIOD_NANOS, config.agents()), windowStart, windowEnd);
      String abort = watch.until(windowStart);
      cpu0 = CpuSnapshot.read(proc, config.serverPid());
      if (abort == null) {
        abort = watch.until(windowEnd);
      }
      cpu1 = CpuSnapshot.read(proc, config.serverPid());
      if (abort == null) {
        abort = watch.until(windowEnd + config.drainMs() * 1_000_000);
      }
      engine.stopSending();
      if (abort != null) {
        notes.add(abort);
      }
      Thread.sleep(FINAL_GRACE_MS);
    } finally {
      engine.close();
    }
    ConnectionCounts end = engine.counts();
    for (Map.Entry<String, Integer> reason : engine.failureReasons().entrySet()) {
      log.info("{} connections: {}", reason.getValue(), reason.getKey());
    }
    double windowSeconds = windowNanos / NANOS_PER_SECOND;
    return summarize(
        config,
        dialect.name(),
        measurement.tally(config.dashboards()),
        connected,
        end,
        windowSeconds,
        CpuSnapshot.between(cpu0, cpu1, windowSeconds),
        notes);
  }

  private static CellResult summarize(
      CellConfig config,
      String system,
      Measurement.Tally tally,
      ConnectPhase.Outcome connected,
      ConnectionCounts end,
      double windowSeconds,
      CpuSnapshot.CpuUse cpu,
      List<String> notes) {
    Histogram latency = tally.latencyUs();
    Double sendLagP99 = Latencies.percentileMs(tally.sendLagUs(), 99);
    notes.addAll(Latencies.notes(tally, cpu, sendLagP99));
    int closed = end.closedAfterReady();
    if (closed > 0) {
      notes.add(closed + " connections closed during the run");
    }
    ConnectionCounts ready = connected.ready();
    return new CellResult(
        system,
        config.agents(),
        config.dashboards(),
        config.stalledDashboards(),
        ready.agentsReady(),
        ready.dashboardsReady(),
        connected.connectSeconds(),
        windowSeconds,
        tally.sentInWindow(),
        tally.expectedDeliveries(),
        tally.deliveredInWindow(),
        tally.lost(),
        tally.duplicates(),
        tally.deliveredInWindow() / windowSeconds,
        Latencies.percentileMs(latency, 50),
        Latencies.percentileMs(latency, 99),
        Latencies.percentileMs(latency, 99.9),
        latency.getTotalCount() == 0 ? null : Latencies.millis(latency.getMaxValue()),
        sendLagP99,
        cpu.serverCpuSeconds(),
        cpu.serverCores(),
        cpu.serverPeakRssBytes() == null ? null : cpu.serverPeakRssBytes() / BYTES_PER_MIB,
        cpu.harnessCores(),
        cpu.otherCores(),
        tally.droppedAtSender(),
        end.failedBeforeReady(),
        closed,
        String.join("; ", notes));
  }
}
