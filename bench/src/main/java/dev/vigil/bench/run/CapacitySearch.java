package dev.vigil.bench.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search policy, apart from sockets: step up through the rates, stop at the first step that is
 * not sustained, label a harness-bound stop as such, then (if asked) try once halfway between the
 * last sustained rate and the first failing one.
 */
final class CapacitySearch {
  /** Runs one step at a per-agent rate. */
  interface StepRunner {
    CapacityStep run(double ratePerAgentHz) throws IOException, InterruptedException;
  }

  /** Readies the server for the refinement step after a failed one. */
  interface Recovery {
    /**
     * @return null when ready, else why the refinement step is skipped
     */
    String prepare() throws InterruptedException;
  }

  /**
   * What a search found.
   *
   * @param steps every step run, in order
   * @param stop why the search stopped
   * @param notes remarks outside any step
   */
  record Outcome(List<CapacityStep> steps, CapacityResult.Stop stop, List<String> notes) {}

  private CapacitySearch() {}

  /** Searches {@code ratesHz} (increasing) with {@code runner}. */
  static Outcome search(List<Double> ratesHz, boolean refine, StepRunner runner, Recovery recovery)
      throws IOException, InterruptedException {
    List<CapacityStep> steps = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    CapacityStep failing = null;
    for (double rate : ratesHz) {
      CapacityStep step = runner.run(rate);
      steps.add(step);
      if (!step.sustained()) {
        failing = step;
        break;
      }
    }
    if (failing == null) {
      return new Outcome(steps, CapacityResult.Stop.ALL_RATES_SUSTAINED, notes);
    }
    if (failing.verdict() == StepVerdict.Kind.HARNESS_BOUND) {
      return new Outcome(steps, CapacityResult.Stop.HARNESS_BOUND, notes);
    }
    Optional<Double> between = refinementRate(steps, failing);
    if (refine && between.isPresent()) {
      String skip = recovery.prepare();
      if (skip == null) {
        steps.add(runner.run(between.get()));
      } else {
        notes.add("refinement skipped: " + skip);
      }
    }
    return new Outcome(steps, CapacityResult.Stop.SATURATED, notes);
  }

  /** Halfway between the highest sustained rate and {@code failing}'s, if any step sustained. */
  static Optional<Double> refinementRate(List<CapacityStep> steps, CapacityStep failing) {
    return steps.stream()
        .filter(CapacityStep::sustained)
        .map(CapacityStep::ratePerAgentHz)
        .max(Double::compare)
        .map(sustained -> (sustained + failing.ratePerAgentHz()) / 2);
  }
}
