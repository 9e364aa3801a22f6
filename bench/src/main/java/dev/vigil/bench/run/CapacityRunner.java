package dev.vigil.bench.run;

import dev.vigil.bench.load.LoadEngine;
import dev.vigil.bench.load.Measurement;
import dev.vigil.bench.load.OpenLoopSchedule;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.proc.ProcReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the highest rate a server sustains on one cell: connects once (like a cell), then runs one
 * open-loop step per per-agent rate on the same connections, each with its own settle, window and
 * drain, and stops at the first step that is not sustained ({@link SustainRule}, {@link
 * CapacitySearch}). Every step has its own {@link Measurement}; sequence numbers go on across
 * steps, so a late delivery of one step never counts in the next.
 */
public final class CapacityRunner {
  /** A step starts sending this long after it is planned. */
  static final long STEP_START_DELAY_MS = 50;

  /**
   * Sends after the drain, before the engine lets go of the step's measurement, that its ledger
   * still places (so they are not counted as strangers).
   */
  static final long LEDGER_MARGIN_MS = 1_000;

  /** Before the refinement step, longest wait for the failed step's backlog to drain. */
  static final long RECOVERY_MAX_MS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(CapacityRunner.class);
  private static final double NANOS_PER_SECOND = 1e9;

  private final ProcReader proc = new ProcReader();

  /** Runs the search {@code config} speaking {@code dialect}. */
  public CapacityResult run(CapacityConfig config, PeerDialect dialect)
      throws IOException, InterruptedException {
    long origin = System.nanoTime();
    Measurement between = new Measurement(config.agents(), config.dashboards(), 1, 1);
    LoadEngine engine =
        new LoadEngine(
            config.server(), dialect, config.agents(), config.dashboards(), between, origin);
    List<String> notes = new ArrayList<>();
    engine.start();
    ConnectPhase.Outcome connected;
    CapacitySearch.Outcome outcome;
    try {
      connected =
          ConnectPhase.run(
              engine, config.agents(), config.dashboards(), config.connectTimeoutMs(), notes);
      if (connected.ready().agentsReady() < config.agents()
          || connected.ready().dashboardsReady() < config.dashboards()) {
        outcome = new CapacitySearch.Outcome(List.of(), CapacityResult.Stop.NOT_STARTED, notes);
      } else {
        Steps steps = new Steps(engine, config, between, new SustainRule(config.maxP99Ms()));
        outcome =
            CapacitySearch.search(config.ratesHz(), config.refine(), steps::run, steps::recover);
      }
    } finally {
      engine.close();
    }
    for (Map.Entry<String, Integer> reason : engine.failureReasons().entrySet()) {
      log.info("{} connections: {}", reason.getValue(), reason.getKey());
    }
    notes.addAll(outcome.notes());
    return new CapacityResult(
        dialect.name(),
        config.agents(),
        config.dashboards(),
        connected.ready().agentsReady(),
        connected.ready().dashboardsReady(),
        config.maxP99Ms(),
        outcome.steps(),
        outcome.stop(),
        String.join("; ", notes));
  }

  /** Runs steps one after another on one engine. */
  private final class Steps {
    private final LoadEngine engine;
    private final CapacityConfig config;
    private final Measurement between;
    private final SustainRule rule;
    private final ServerWatch watch;
    private long nextSeq = 1;
    private String aborted;

    Steps(LoadEngine engine, CapacityConfig config, Measurement between, SustainRule rule) {
      this.engine = engine;
      this.config = config;
      this.between = between;
      this.rule = rule;
      this.watch = new ServerWatch(proc, config.serverPid(), config.serverRssLimitBytes());
    }

    CapacityStep run(double rateHz) throws IOException, InterruptedException {
      long t0 = System.nanoTime() + STEP_START_DELAY_MS * 1_000_000;
      long settleMs = config.settleMs() + (nextSeq == 1 ? config.warmupMs() : 0);
      long windowStart = t0 + settleMs * 1_000_000;
      long windowEnd = windowStart + config.windowMs() * 1_000_000;
      long end = windowEnd + config.drainMs() * 1_000_000;
      OpenLoopSchedule schedule = OpenLoopSchedule.atRate(t0, rateHz, config.agents(), nextSeq);
      long maxSeq = schedule.lastSeqBefore(end + LEDGER_MARGIN_MS * 1_000_000);
      Measurement measurement =
          new Measurement(config.agents(), config.dashboards(), nextSeq, maxSeq);
      int closedBefore = engine.counts().closedAfterReady();
      engine.handOver(measurement);
      engine.startSending(schedule, windowStart, windowEnd);
      String abort = watch.until(windowStart);
      CpuSnapshot cpu0 = CpuSnapshot.read(proc, config.serverPid());
      if (abort == null) {
        abort = watch.until(windowEnd);
      }
      CpuSnapshot cpu1 = CpuSnapshot.read(proc, config.serverPid());
      if (abort == null) {
        abort = watch.until(end);
      }
      engine.handOver(between);
      // Every send so far was due by now: the next step's numbers start above all of them.
      nextSeq = Math.max(maxSeq, schedule.lastSeqBefore(System.nanoTime())) + 1;
      aborted = abort;
      double windowSeconds = (windowEnd - windowStart) / NANOS_PER_SECOND;
      CapacityStep step =
          summarize(
              rateHz,
              windowSeconds,
              measurement.tally(config.dashboards()),
              CpuSnapshot.between(cpu0, cpu1, windowSeconds),
              engine.counts().closedAfterReady() - closedBefore,
              abort);
      log.info(
          "{} Hz: delivered {}/{} lost {} p99 {} ms server {} cores harness {} cores: {} {}",
          rateHz,
          step.delivered(),
          step.expectedDeliveries(),
          step.lost(),
          step.p99Ms(),
          step.serverCpuCores(),
          step.harnessCpuCores(),
          step.verdict(),
          step.reason());
      return step;
    }

    String recover() throws InterruptedException {
      if (aborted != null) {
        return aborted;
      }
      if (!ConnectPhase.awaitQuiet(
          engine, config.agents() + config.dashboards(), RECOVERY_MAX_MS)) {
        return "the server's backlog was still arriving after " + RECOVERY_MAX_MS / 1000 + " s";
      }
      return null;
    }

    private CapacityStep summarize(
        double rateHz,
        double windowSeconds,
        Measurement.Tally tally,
        CpuSnapshot.CpuUse cpu,
        int closed,
        String abort) {
      Histogram latency = tally.latencyUs();
      Double p99 = Latencies.percentileMs(latency, 99);
      Double sendLagP99 = Latencies.percentileMs(tally.sendLagUs(), 99);
      StepVerdict verdict =
          rule.judge(
              new SustainRule.StepCounts(
                  tally.expectedDeliveries(),
                  tally.lost(),
                  tally.droppedAtSender(),
                  tally.notConnectedAtSlot(),
                  closed,
                  p99,
                  sendLagP99,
                  Latencies.percentileMs(tally.sendLagUs(), 100),
                  config.drainMs(),
                  cpu.harnessCores(),
                  cpu.serverCores(),
                  abort));
      List<String> reason = new ArrayList<>();
      if (!verdict.reason().isEmpty()) {
        reason.add(verdict.reason());
      }
      String busy = Latencies.machineBusy(cpu);
      if (busy != null) {
        reason.add(busy);
      }
      if (tally.outOfRange() > 0) {
        reason.add(tally.outOfRange() + " unplaceable deliveries");
      }
      double offeredMessages = config.agents() * rateHz;
      return new CapacityStep(
          rateHz,
          windowSeconds,
          offeredMessages,
          offeredMessages * config.dashboards(),
          tally.sentInWindow(),
          tally.expectedDeliveries(),
          tally.deliveredInWindow(),
          tally.lost(),
          tally.duplicates(),
          tally.droppedAtSender(),
          tally.deliveredInWindow() / windowSeconds,
          tally.sentInWindow() / windowSeconds,
          Latencies.percentileMs(latency, 50),
          p99,
          Latencies.percentileMs(latency, 99.9),
          latency.getTotalCount() == 0 ? null : Latencies.millis(latency.getMaxValue()),
          sendLagP99,
          cpu.serverCores(),
          cpu.harnessCores(),
          cpu.otherCores(),
          verdict.kind(),
          String.join("; ", reason));
    }
  }

  /** One line per step, for the command line. */
  public static String describe(CapacityStep s) {
    return String.format(
        Locale.ROOT,
        "%7.2f Hz  offered %,10.0f/s  delivered %,10.0f/s  lost %,d  p50 %s p99 %s p99.9 %s ms"
            + "  server %s harness %.2f other %s cores  lag p99 %s ms  %s %s",
        s.ratePerAgentHz(),
        s.offeredDeliveriesPerSecond(),
        s.deliveriesPerSecond(),
        s.lost(),
        text(s.p50Ms()),
        text(s.p99Ms()),
        text(s.p999Ms()),
        text(s.serverCpuCores()),
        s.harnessCpuCores(),
        text(s.otherCpuCores()),
        text(s.sendLagP99Ms()),
        s.verdict(),
        s.reason());
  }

  private static String text(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
  }
}
