package dev.vigil.bench.report;

import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CapacityStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The capacity part of {@code docs/benchmarks.md}: each system's highest sustained rate per cell,
 * every step, the ratios between systems, and the verdicts on the throughput targets. A capacity
 * the search never saw the server fail at (harness-bound, or every rate sustained) is a lower bound
 * and is marked "≥"; a ratio built on one is a bound too, and a target it cannot decide is said to
 * be undetermined, never met.
 */
final class CapacityReport {
  private static final String ABSENT = MarkdownReport.ABSENT;

  private CapacityReport() {}

  /** What a comparison says about a target. */
  enum Verdict {
    MET,
    MISSED,
    UNDETERMINED
  }

  /** Appends the section "Capacity: highest sustained rate". */
  static void section(StringBuilder md, List<CapacityResult> results) {
    md.append("## Capacity: highest sustained rate\n\n");
    if (results.isEmpty()) {
      md.append("Not measured in this run.\n\n");
      return;
    }
    double bound = results.get(0).maxP99Ms();
    md.append("Each system on one set of connections; the per-agent rate steps up until a step ")
        .append("is not sustained. A step is **sustained** when every delivery scheduled in its ")
        .append("window arrived by the end of its drain, no send was held back, no connection ")
        .append("closed, and its p99 was at most ")
        .append(MarkdownReport.fixed(bound, 0))
        .append(" ms. **≥** marks a lower bound: the search stopped because the harness reached ")
        .append(
            "its own limit (harness-bound) or every rate was sustained. The true capacity lies ")
        .append("between the highest sustained rate and the first failing one.\n\n");
    md.append("| cell | system | highest sustained rate (Hz per agent) | deliveries/s |")
        .append(" messages in/s | p99 at that step (ms) | server CPU (cores) | search stopped |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (CapacityResult r : sorted(results)) {
      Optional<CapacityStep> best = r.highestSustained();
      String mark = r.lowerBound() ? "≥ " : "";
      md.append("| ")
          .append(r.cell())
          .append(" | ")
          .append(Systems.label(r.system()))
          .append(" | ")
          .append(best.map(s -> mark + rate(s.ratePerAgentHz())).orElse("none"))
          .append(" | ")
          .append(
              best.map(s -> mark + MarkdownReport.count(Math.round(s.deliveriesPerSecond())))
                  .orElse(ABSENT))
          .append(" | ")
          .append(
              best.map(s -> mark + MarkdownReport.count(Math.round(s.messagesPerSecond())))
                  .orElse(ABSENT))
          .append(" | ")
          .append(best.map(s -> MarkdownReport.ms(s.p99Ms())).orElse(ABSENT))
          .append(" | ")
          .append(best.map(s -> MarkdownReport.fixed(s.serverCpuCores(), 2)).orElse(ABSENT))
          .append(" | ")
          .append(stopText(r))
          .append(" |\n");
    }
    md.append('\n');
    ratios(md, results);
    steps(md, results);
  }

  private static void ratios(StringBuilder md, List<CapacityResult> results) {
    md.append("### Capacity ratios (Vigil relay against the others)\n\n")
        .append("Sustained deliveries/s: above 1 favours Vigil. p99 at the highest rate both ")
        .append("sustain (the lower of the two capacities; a system whose search skipped that ")
        .append("rate is taken at its next sustained rate above it, a heavier load): below 1 ")
        .append("favours Vigil. ≥ / ≤ mark bounds (a side was harness-bound or never failed).\n\n")
        .append("| cell | sustained deliveries/s Vigil ÷ Mosquitto | Vigil ÷ bare |")
        .append(" p99 Vigil ÷ Mosquitto at the highest rate both sustain |\n")
        .append("|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, CapacityResult>> cell : byCell(results).entrySet()) {
      CapacityResult vigil = cell.getValue().get(Systems.VIGIL);
      CapacityResult mosquitto = cell.getValue().get(Systems.MOSQUITTO);
      CapacityResult bare = cell.getValue().get(Systems.BARE);
      md.append("| ")
          .append(cell.getKey())
          .append(" | ")
          .append(ratioText(vigil, mosquitto))
          .append(" | ")
          .append(ratioText(vigil, bare))
          .append(" | ")
          .append(p99Text(vigil, mosquitto))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void steps(StringBuilder md, List<CapacityResult> results) {
    md.append("### Every capacity step\n\n")
        .append("| cell | system | rate (Hz per agent) | offered deliveries/s | delivered/s | lost")
        .append(" | p50 | p99 | p99.9 | server CPU (cores) | harness CPU (cores) |")
        .append(" other CPU (cores) | send lag p99 | verdict | why |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (CapacityResult r : sorted(results)) {
      for (CapacityStep s : r.steps()) {
        md.append("| ")
            .append(r.cell())
            .append(" | ")
            .append(Systems.label(r.system()))
            .append(" | ")
            .append(rate(s.ratePerAgentHz()))
            .append(" | ")
            .append(MarkdownReport.count(Math.round(s.offeredDeliveriesPerSecond())))
            .append(" | ")
            .append(MarkdownReport.count(Math.round(s.deliveriesPerSecond())))
            .append(" | ")
            .append(MarkdownReport.count(s.lost()))
            .append(" | ")
            .append(MarkdownReport.ms(s.p50Ms()))
            .append(" | ")
            .append(MarkdownReport.ms(s.p99Ms()))
            .append(" | ")
            .append(MarkdownReport.ms(s.p999Ms()))
            .append(" | ")
            .append(MarkdownReport.fixed(s.serverCpuCores(), 2))
            .append(" | ")
            .append(MarkdownReport.fixed(s.harnessCpuCores(), 2))
            .append(" | ")
            .append(MarkdownReport.fixed(s.otherCpuCores(), 2))
            .append(" | ")
            .append(MarkdownReport.ms(s.sendLagP99Ms()))
            .append(" | ")
            .append(verdictText(s))
            .append(" | ")
            .append(s.reason() == null ? "" : s.reason())
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  /**
   * The targets-table cells (measured | verdict) for "Vigil sustains at least {@code factor} ×
   * {@code other}'s deliveries/s", with p99 no worse at the highest rate both sustain (see {@link
   * #stepsAtCommonRate}) if asked.
   */
  static String target(
      List<CapacityResult> results, String other, double factor, boolean p99NoWorse) {
    List<String> met = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (Map.Entry<String, Map<String, CapacityResult>> cell : byCell(results).entrySet()) {
      CapacityResult vigil = cell.getValue().get(Systems.VIGIL);
      CapacityResult them = cell.getValue().get(other);
      if (vigil == null || them == null) {
        continue;
      }
      Verdict verdict = judge(vigil, them, factor);
      if (p99NoWorse && verdict != Verdict.MISSED) {
        Optional<double[]> p99 = p99AtCommonRate(vigil, them);
        if (p99.isEmpty()) {
          verdict = Verdict.UNDETERMINED;
        } else if (p99.get()[0] > p99.get()[1]) {
          verdict = Verdict.MISSED;
        }
      }
      String ratio = ratioText(vigil, them);
      String label =
          cell.getKey()
              + (ABSENT.equals(ratio) ? " (a side sustained no rate)" : " (" + ratio + "×)");
      (verdict == Verdict.MET ? met : verdict == Verdict.MISSED ? missed : open).add(label);
    }
    if (met.isEmpty() && missed.isEmpty() && open.isEmpty()) {
      return "capacity not measured in this run | " + ABSENT;
    }
    String overall = !missed.isEmpty() ? "**not met**" : !open.isEmpty() ? "undetermined" : "met";
    return "capacity met in: "
        + list(met)
        + "; missed in: "
        + list(missed)
        + (open.isEmpty() ? "" : "; undetermined (bounds only) in: " + list(open))
        + " | "
        + overall;
  }

  /** Did {@code vigil} reach {@code factor} × {@code other}'s capacity, as far as bounds tell? */
  static Verdict judge(CapacityResult vigil, CapacityResult other, double factor) {
    Optional<CapacityStep> v = vigil.highestSustained();
    Optional<CapacityStep> o = other.highestSustained();
    if (v.isEmpty()) {
      // Vigil sustained not even the first rate, which the other did: surely below it.
      return o.isPresent() ? Verdict.MISSED : Verdict.UNDETERMINED;
    }
    if (o.isEmpty()) {
      return Verdict.UNDETERMINED;
    }
    double ratio = v.get().deliveriesPerSecond() / o.get().deliveriesPerSecond();
    boolean vigilAtLeast = vigil.lowerBound();
    boolean otherAtLeast = other.lowerBound();
    if (ratio >= factor) {
      return otherAtLeast ? Verdict.UNDETERMINED : Verdict.MET;
    }
    return vigilAtLeast ? Verdict.UNDETERMINED : Verdict.MISSED;
  }

  private static String ratioText(CapacityResult vigil, CapacityResult other) {
    if (vigil == null || other == null) {
      return ABSENT;
    }
    Optional<CapacityStep> v = vigil.highestSustained();
    Optional<CapacityStep> o = other.highestSustained();
    if (v.isEmpty() || o.isEmpty()) {
      return ABSENT;
    }
    String ratio =
        String.format(
            Locale.ROOT, "%.2f", v.get().deliveriesPerSecond() / o.get().deliveriesPerSecond());
    if (vigil.lowerBound() && other.lowerBound()) {
      return ratio + " (both bounds)";
    }
    if (vigil.lowerBound()) {
      return "≥ " + ratio;
    }
    if (other.lowerBound()) {
      return "≤ " + ratio;
    }
    return ratio;
  }

  private static String p99Text(CapacityResult vigil, CapacityResult other) {
    if (vigil == null || other == null) {
      return ABSENT;
    }
    Optional<CapacityStep[]> at = stepsAtCommonRate(vigil, other);
    if (at.isEmpty() || at.get()[1].p99Ms() == 0) {
      return ABSENT;
    }
    CapacityStep v = at.get()[0];
    CapacityStep o = at.get()[1];
    String where =
        v.ratePerAgentHz() == o.ratePerAgentHz()
            ? "at " + rate(v.ratePerAgentHz()) + " Hz"
            : "Vigil at "
                + rate(v.ratePerAgentHz())
                + " Hz, the other at "
                + rate(o.ratePerAgentHz())
                + " Hz";
    return String.format(Locale.ROOT, "%.2f (%s)", v.p99Ms() / o.p99Ms(), where);
  }

  /** {vigil p99, other p99} where {@link #stepsAtCommonRate} compares them. */
  private static Optional<double[]> p99AtCommonRate(CapacityResult vigil, CapacityResult other) {
    return stepsAtCommonRate(vigil, other)
        .filter(s -> s[1].p99Ms() != 0)
        .map(s -> new double[] {s[0].p99Ms(), s[1].p99Ms()});
  }

  /**
   * The steps whose p99s are compared: at the lower of the two highest sustained rates (the highest
   * load both carry), each system's sustained step at that rate, or, where its search did not step
   * on that exact rate, its lowest sustained step above it: a heavier load than the other side's,
   * so the comparison never flatters the system that skipped the rate.
   */
  static Optional<CapacityStep[]> stepsAtCommonRate(CapacityResult vigil, CapacityResult other) {
    Optional<CapacityStep> v = vigil.highestSustained();
    Optional<CapacityStep> o = other.highestSustained();
    if (v.isEmpty() || o.isEmpty()) {
      return Optional.empty();
    }
    double common = Math.min(v.get().ratePerAgentHz(), o.get().ratePerAgentHz());
    Optional<CapacityStep> vs = vigil.lowestSustainedAtOrAbove(common);
    Optional<CapacityStep> os = other.lowestSustainedAtOrAbove(common);
    return vs.isEmpty() || os.isEmpty()
        ? Optional.empty()
        : Optional.of(new CapacityStep[] {vs.get(), os.get()});
  }

  private static String stopText(CapacityResult r) {
    String notes = r.notes() == null || r.notes().isEmpty() ? "" : " (" + r.notes() + ")";
    List<CapacityStep> failed = r.steps().stream().filter(s -> !s.sustained()).toList();
    CapacityStep first = failed.isEmpty() ? null : failed.get(0);
    String text =
        switch (r.stop()) {
          case SATURATED ->
              "not sustained at "
                  + rate(first.ratePerAgentHz())
                  + " Hz: "
                  + first.reason()
                  + (failed.size() > 1
                      ? "; refinement at " + rate(failed.get(1).ratePerAgentHz()) + " Hz failed too"
                      : "");
          case HARNESS_BOUND ->
              "harness-bound at "
                  + rate(first.ratePerAgentHz())
                  + " Hz ("
                  + first.reason()
                  + "): the server's limit is higher";
          case ALL_RATES_SUSTAINED -> "every rate sustained: the server's limit is higher";
          case NOT_STARTED -> "not started";
        };
    return text + notes;
  }

  private static String verdictText(CapacityStep s) {
    return switch (s.verdict()) {
      case SUSTAINED -> "sustained";
      case NOT_SUSTAINED -> "**not sustained**";
      case HARNESS_BOUND -> "harness-bound";
    };
  }

  /** A rate without needless decimals: 16, 12.5. */
  static String rate(double hz) {
    return hz == Math.rint(hz)
        ? String.format(Locale.ROOT, "%.0f", hz)
        : String.format(Locale.ROOT, "%.2f", hz).replaceFirst("0$", "");
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }

  /** Results in table order: by agents, then dashboards, then system. */
  static List<CapacityResult> sorted(List<CapacityResult> results) {
    List<CapacityResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparingInt(CapacityResult::agents)
            .thenComparingInt(CapacityResult::dashboards)
            .thenComparingInt(r -> MarkdownReport.systemRank(r.system())));
    return sorted;
  }

  /** Cell label to (system to result), in table order; a rerun replaces the earlier. */
  static Map<String, Map<String, CapacityResult>> byCell(List<CapacityResult> results) {
    Map<String, Map<String, CapacityResult>> byCell = new LinkedHashMap<>();
    for (CapacityResult r : sorted(results)) {
      byCell.computeIfAbsent(r.cell(), k -> new LinkedHashMap<>()).put(r.system(), r);
    }
    return byCell;
  }
}
