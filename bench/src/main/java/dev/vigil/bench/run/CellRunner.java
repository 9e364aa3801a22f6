package dev.vigil.bench.run;

import dev.vigil.bench.load.ConnectionCounts;
import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.OpenLoopSchedule;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.proc.ProcReader;
import dev.vigil.bench.proc.ProcessUsage;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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

  /** Interval over which the connect burst's inbound traffic is measured. */
  static final long QUIET_MS = 500;

  /**
   * Inbound bytes per peer per {@link #QUIET_MS} below which the connect burst is over: about three
   * times what heartbeats alone bring (one ~60 B ping per peer every 5 s).
   */
  static final int QUIET_BYTES_PER_PEER = 20;

  /** Longest wait for the connect burst (host and catalog fan-out) to quiet down. */
  static final long MAX_QUIET_WAIT_MS = 20_000;

  /** Sending starts this long after it is planned, so every agent starts on schedule. */
  static final long START_DELAY_MS = 200;

  /** After the last send, in-flight messages get this long before the engine stops. */
  static final long FINAL_GRACE_MS = 500;

  /** How often the server's memory is checked against the limit. */
  static final long WATCH_INTERVAL_MS = 250;

  /** Harness CPU above this share of its one core means the load generator was the limit. */
  static final double HARNESS_SATURATED_CORES = 0.9;

  /** Send lag p99 above this means the harness fell behind its schedule. */
  static final double HARNESS_BEHIND_MS = 10;

  /** Other processes using more than this many cores during the window make the cell suspect. */
  static final double MACHINE_BUSY_CORES = 0.25;

  /** Extra sequence numbers the ledger holds beyond the planned sends. */
  static final long SEQ_SLACK = 4;

  private static final Logger log = LoggerFactory.getLogger(CellRunner.class);
  private static final double NANOS_PER_SECOND = 1e9;
  private static final double MICROS_PER_MILLI = 1_000.0;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private final ProcReader proc = new ProcReader();
  private final long selfPid = ProcessHandle.current().pid();

  /** Runs {@code config} speaking {@code dialect}. */
  public CellResult run(CellConfig config, PeerDialect dialect)
      throws IOException, InterruptedException {
    long origin = System.nanoTime();
    long plannedMs = config.settleMs() + config.windowMs() + config.drainMs();
    long maxSeq = plannedMs * 1_000_000 / SAMPLE_PERIOD_NANOS + SEQ_SLACK;
    Measurement measurement = new Measurement(config.agents(), config.dashboards(), maxSeq);
    List<String> notes = new ArrayList<>();
    LoadEngine engine =
        new LoadEngine(
            config.server(), dialect, config.agents(), config.dashboards(), measurement, origin);
    engine.start();
    ConnectionCounts ready;
    double connectSeconds;
    ProcessUsage server0 = null;
    ProcessUsage server1 = null;
    ProcessUsage harness0;
    ProcessUsage harness1;
    double machine0;
    double machine1;
    long windowNanos;
    try {
      long connectStart = System.nanoTime();
      long deadline = connectStart + config.connectTimeoutMs() * 1_000_000;
      engine.connect(Role.DASHBOARD);
      awaitSettled(
          engine,
          c -> c.dashboardsReady() + c.failedBeforeReady() >= config.dashboards(),
          deadline);
      engine.connect(Role.AGENT);
      ready =
          awaitSettled(
              engine,
              c ->
                  c.agentsReady() + c.dashboardsReady() + c.failedBeforeReady()
                      >= config.agents() + config.dashboards(),
              deadline);
      connectSeconds = (System.nanoTime() - connectStart) / NANOS_PER_SECOND;
      if (ready.agentsReady() < config.agents() || ready.dashboardsReady() < config.dashboards()) {
        notes.add(
            "only "
                + ready.agentsReady()
                + " agents and "
                + ready.dashboardsReady()
                + " dashboards ready");
      }
      if (!awaitQuiet(engine, config.agents() + config.dashboards())) {
        notes.add("connect burst still arriving after " + MAX_QUIET_WAIT_MS / 1000 + " s");
      }

      long t0 = System.nanoTime() + START_DELAY_MS * 1_000_000;
      long windowStart = t0 + config.settleMs() * 1_000_000;
      long windowEnd = windowStart + config.windowMs() * 1_000_000;
      windowNanos = windowEnd - windowStart;
      engine.startSending(
          new OpenLoopSchedule(t0, SAMPLE_PERIOD_NANOS, config.agents()), windowStart, windowEnd);
      String abort = watchUntil(config, windowStart);
      harness0 = proc.read(selfPid);
      server0 = readServer(config);
      machine0 = proc.machineBusySeconds();
      if (abort == null) {
        abort = watchUntil(config, windowEnd);
      }
      harness1 = proc.read(selfPid);
      server1 = readServer(config);
      machine1 = proc.machineBusySeconds();
      if (abort == null) {
        abort = watchUntil(config, windowEnd + config.drainMs() * 1_000_000);
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
    return summarize(
        config,
        dialect.name(),
        measurement.tally(config.dashboards()),
        ready,
        end,
        connectSeconds,
        windowNanos,
        server0,
        server1,
        harness0,
        harness1,
        machine1 - machine0,
        notes);
  }

  private CellResult summarize(
      CellConfig config,
      String system,
      Measurement.Tally tally,
      ConnectionCounts ready,
      ConnectionCounts end,
      double connectSeconds,
      long windowNanos,
      ProcessUsage server0,
      ProcessUsage server1,
      ProcessUsage harness0,
      ProcessUsage harness1,
      double machineBusySeconds,
      List<String> notes) {
    double windowSeconds = windowNanos / NANOS_PER_SECOND;
    Double serverCpu =
        server0 == null || server1 == null ? null : server1.cpuSeconds() - server0.cpuSeconds();
    double harnessCpu = harness1.cpuSeconds() - harness0.cpuSeconds();
    double harnessCores = harnessCpu / windowSeconds;
    Double otherCores =
        serverCpu == null
            ? null
            : Math.max(0, machineBusySeconds - serverCpu - harnessCpu) / windowSeconds;
    if (otherCores != null && otherCores > MACHINE_BUSY_CORES) {
      notes.add(String.format("machine busy: other processes used %.2f cores", otherCores));
    }
    Histogram latency = tally.latencyUs();
    Histogram lag = tally.sendLagUs();
    Double sendLagP99 = lag.getTotalCount() == 0 ? null : millis(lag.getValueAtPercentile(99));
    if (harnessCores >= HARNESS_SATURATED_CORES) {
      notes.add(String.format("harness saturated (%.2f cores)", harnessCores));
    }
    if (sendLagP99 != null && sendLagP99 > HARNESS_BEHIND_MS) {
      notes.add(String.format("harness behind schedule (send lag p99 %.1f ms)", sendLagP99));
    }
    if (tally.droppedAtSender() > 0) {
      notes.add(tally.droppedAtSender() + " samples not sent: agent socket backlog full");
    }
    if (tally.outOfRange() > 0 || tally.clamped() > 0) {
      notes.add(
          tally.outOfRange()
              + " unplaceable deliveries, "
              + tally.clamped()
              + " latencies clamped");
    }
    int closed = end.closedAfterReady();
    if (closed > 0) {
      notes.add(closed + " connections closed during the run");
    }
    return new CellResult(
        system,
        config.agents(),
        config.dashboards(),
        ready.agentsReady(),
        ready.dashboardsReady(),
        connectSeconds,
        windowSeconds,
        tally.sentInWindow(),
        tally.expectedDeliveries(),
        tally.deliveredInWindow(),
        tally.lost(),
        tally.duplicates(),
        tally.deliveredInWindow() / windowSeconds,
        percentile(latency, 50),
        percentile(latency, 99),
        percentile(latency, 99.9),
        latency.getTotalCount() == 0 ? null : millis(latency.getMaxValue()),
        sendLagP99,
        serverCpu,
        serverCpu == null ? null : serverCpu / windowSeconds,
        server1 == null ? null : server1.peakRssBytes() / BYTES_PER_MIB,
        harnessCores,
        otherCores,
        tally.droppedAtSender(),
        end.failedBeforeReady(),
        closed,
        String.join("; ", notes));
  }

  private static Double percentile(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? null : millis(h.getValueAtPercentile(percentile));
  }

  private static double millis(long micros) {
    return micros / MICROS_PER_MILLI;
  }

  private ProcessUsage readServer(CellConfig config) throws IOException {
    return config.serverPid() > 0 ? proc.read(config.serverPid()) : null;
  }

  private static ConnectionCounts awaitSettled(
      LoadEngine engine, Predicate<ConnectionCounts> done, long deadlineNanos)
      throws InterruptedException {
    ConnectionCounts counts = engine.counts();
    while (!done.test(counts) && System.nanoTime() < deadlineNanos) {
      Thread.sleep(20);
      counts = engine.counts();
    }
    return counts;
  }

  /**
   * Waits until the connect burst (host and catalog fan-out to every dashboard) is over: less than
   * {@link #QUIET_BYTES_PER_PEER} per peer arrived in the last {@link #QUIET_MS}.
   *
   * @return false if it was still going on after {@link #MAX_QUIET_WAIT_MS}
   */
  private static boolean awaitQuiet(LoadEngine engine, int peers) throws InterruptedException {
    long deadline = System.nanoTime() + MAX_QUIET_WAIT_MS * 1_000_000;
    long before = engine.bytesReceived();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_MS);
      long now = engine.bytesReceived();
      if (now - before < (long) QUIET_BYTES_PER_PEER * peers) {
        return true;
      }
      before = now;
    }
    return false;
  }

  /**
   * Sleeps until {@code untilNanos}, checking the server's memory.
   *
   * @return why the cell must stop, or null
   */
  private String watchUntil(CellConfig config, long untilNanos)
      throws InterruptedException, IOException {
    while (true) {
      long left = untilNanos - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Thread.sleep(Math.max(1, Math.min(WATCH_INTERVAL_MS, left / 1_000_000)));
      if (config.serverPid() > 0) {
        long rss = proc.read(config.serverPid()).rssBytes();
        if (rss > config.serverRssLimitBytes()) {
          return String.format(
              "aborted: server RSS %.0f MiB over the %.0f MiB limit",
              rss / BYTES_PER_MIB, config.serverRssLimitBytes() / BYTES_PER_MIB);
        }
      }
    }
  }
}
