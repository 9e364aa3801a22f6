package dev.vigil.bench.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The capacity search of one system on one cell: every step run, in order, and why the search
 * stopped. The capacity is the sustained step with the highest rate.
 *
 * @param system {@code vigil}, {@code bare} or {@code mosquitto}
 * @param agents agents asked for
 * @param dashboards dashboards asked for
 * @param agentsReady agents ready when the first step started
 * @param dashboardsReady dashboards ready when the first step started
 * @param maxP99Ms the p99 bound a sustained step must keep
 * @param steps every step, in the order run (the refinement step, if any, last)
 * @param stop why the search stopped
 * @param notes anomalies outside any step (peers missing, refinement skipped)
 */
public record CapacityResult(
    String system,
    int agents,
    int dashboards,
    int agentsReady,
    int dashboardsReady,
    double maxP99Ms,
    List<CapacityStep> steps,
    Stop stop,
    String notes) {

  /** Why a search stopped. */
  public enum Stop {
    /** A step was not sustained: the server's limit lies between it and the last sustained. */
    SATURATED,
    /** A step failed while the harness was at its own limit: the server's limit is higher. */
    HARNESS_BOUND,
    /** Every rate asked for was sustained: the server's limit is higher. */
    ALL_RATES_SUSTAINED,
    /** Not every peer connected, so no step was run. */
    NOT_STARTED
  }

  public CapacityResult {
    steps = List.copyOf(steps);
  }

  /** The cell label used in tables, e.g. {@code 1000×10}. */
  public String cell() {
    return agents + "×" + dashboards;
  }

  /** The sustained step with the highest rate, if any step was sustained. */
  public Optional<CapacityStep> highestSustained() {
    return steps.stream()
        .filter(CapacityStep::sustained)
        .max(Comparator.comparingDouble(CapacityStep::ratePerAgentHz));
  }

  /** The sustained step at exactly {@code ratePerAgentHz}, if there is one. */
  public Optional<CapacityStep> sustainedAt(double ratePerAgentHz) {
    return steps.stream()
        .filter(s -> s.sustained() && s.ratePerAgentHz() == ratePerAgentHz)
        .findFirst();
  }

  /** The sustained step with the lowest rate at or above {@code ratePerAgentHz}, if any. */
  public Optional<CapacityStep> lowestSustainedAtOrAbove(double ratePerAgentHz) {
    return steps.stream()
        .filter(s -> s.sustained() && s.ratePerAgentHz() >= ratePerAgentHz)
        .min(Comparator.comparingDouble(CapacityStep::ratePerAgentHz));
  }

  /**
   * True when the measured capacity is only a lower bound (the search never saw the server fail).
   */
  public boolean lowerBound() {
    return stop == Stop.HARNESS_BOUND || stop == Stop.ALL_RATES_SUSTAINED;
  }
}
