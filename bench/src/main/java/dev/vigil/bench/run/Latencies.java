package dev.vigil.bench.run;

import dev.vigil.bench.load.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Histogram readings in milliseconds and the notes every window's numbers get. */
final class Latencies {
  private static final double MICROS_PER_MILLI = 1_000.0;

  private Latencies() {}

  /** The value at {@code percentile} in ms, or null for an empty histogram (never 0). */
  static Double percentileMs(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? null : millis(h.getValueAtPercentile(percentile));
  }

  static double millis(long micros) {
    return micros / MICROS_PER_MILLI;
  }

  /**
   * A note when other processes used more than {@link HarnessLimits#MACHINE_BUSY_CORES}, or null.
   */
  static String machineBusy(CpuSnapshot.CpuUse cpu) {
    if (cpu.otherCores() != null && cpu.otherCores() > HarnessLimits.MACHINE_BUSY_CORES) {
      return String.format(
          Locale.ROOT, "machine busy: other processes used %.2f cores", cpu.otherCores());
    }
    return null;
  }

  /** Saturation and anomaly notes for one window: busy machine, harness limits, odd deliveries. */
  static List<String> notes(Measurement.Tally tally, CpuSnapshot.CpuUse cpu, Double sendLagP99Ms) {
    List<String> notes = new ArrayList<>();
    if (cpu.otherCores() != null && cpu.otherCores() > HarnessLimits.MACHINE_BUSY_CORES) {
      notes.add(
          String.format(
              Locale.ROOT, "machine busy: other processes used %.2f cores", cpu.otherCores()));
    }
    if (cpu.harnessCores() >= HarnessLimits.SATURATED_CORES) {
      notes.add(String.format(Locale.ROOT, "harness saturated (%.2f cores)", cpu.harnessCores()));
    }
    if (sendLagP99Ms != null && sendLagP99Ms > HarnessLimits.BEHIND_MS) {
      notes.add(
          String.format(
              Locale.ROOT, "harness behind schedule (send lag p99 %.1f ms)", sendLagP99Ms));
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
    return notes;
  }
}
