package dev.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CapacityStep;
import dev.vigil.bench.run.StepVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CapacityReportTest {
  private static final int AGENTS = 1_000;
  private static final int DASHBOARDS = 10;

  /** A 1000×10 step at {@code rate} Hz with p99 {@code rate} ms (so p99 ratios are known). */
  static CapacityStep step(double rate, StepVerdict.Kind verdict, double p99Ms) {
    double delivered = AGENTS * DASHBOARDS * rate;
    return new CapacityStep(
        rate,
        2.0,
        AGENTS * rate,
        delivered,
        (long) (AGENTS * rate * 2),
        (long) (delivered * 2),
        (long) (delivered * 2),
        0,
        0,
        0,
        delivered,
        AGENTS * rate,
        p99Ms / 2,
        p99Ms,
        p99Ms,
        p99Ms,
        1.0,
        0.8,
        0.4,
        0.0,
        verdict,
        verdict == StepVerdict.Kind.SUSTAINED ? "" : "lost 12");
  }

  /**
   * A search that sustained every rate but the last, which ends it with {@code stop}
   * (ALL_RATES_SUSTAINED: every rate sustained). p99 of a step is its rate times the system's
   * factor: vigil 1 ms, mosquitto 2 ms, bare 0.5 ms per Hz.
   */
  static CapacityResult search(String system, CapacityResult.Stop stop, double... rates) {
    double p99PerHz =
        switch (system) {
          case Systems.MOSQUITTO -> 2;
          case Systems.BARE -> 0.5;
          default -> 1;
        };
    List<CapacityStep> steps = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      boolean last = i == rates.length - 1;
      StepVerdict.Kind kind =
          !last || stop == CapacityResult.Stop.ALL_RATES_SUSTAINED
              ? StepVerdict.Kind.SUSTAINED
              : stop == CapacityResult.Stop.HARNESS_BOUND
                  ? StepVerdict.Kind.HARNESS_BOUND
                  : StepVerdict.Kind.NOT_SUSTAINED;
      steps.add(step(rates[i], kind, rates[i] * p99PerHz));
    }
    return new CapacityResult(system, AGENTS, DASHBOARDS, AGENTS, DASHBOARDS, 500, steps, stop, "");
  }

  private static String render(CapacityResult... results) {
    return MarkdownReport.render(MarkdownReportTest.input(List.of(), List.of(results), List.of()));
  }

  @Test
  void tableShowsTheHighestSustainedRateItsDeliveriesAndWhatStoppedTheSearch() {
    CapacityResult refined =
        new CapacityResult(
            "vigil",
            AGENTS,
            DASHBOARDS,
            AGENTS,
            DASHBOARDS,
            500,
            List.of(
                step(4, StepVerdict.Kind.SUSTAINED, 4),
                step(8, StepVerdict.Kind.NOT_SUSTAINED, 900),
                step(6, StepVerdict.Kind.SUSTAINED, 6)),
            CapacityResult.Stop.SATURATED,
            "");

    String md = render(refined);

    assertThat(md)
        .contains(
            "| 1000×10 | Vigil relay | 6 | 60,000 | 6,000 | 6.000 | 0.80 |"
                + " not sustained at 8 Hz: lost 12 |");
  }

  @Test
  void harnessBoundSearchIsALowerBoundNotTheServersLimit() {
    String md = render(search("bare", CapacityResult.Stop.HARNESS_BOUND, 1, 2, 4, 8, 16));

    assertThat(md).contains("| 1000×10 | bare Java-WebSocket | ≥ 8 | ≥ 80,000 | ≥ 8,000 |");
    assertThat(md).contains("harness-bound at 16 Hz (lost 12): the server's limit is higher");
  }

  @Test
  void ratiosDivideSustainedDeliveriesAndCompareP99AtTheHighestRateBothSustain() {
    String md =
        render(
            search("vigil", CapacityResult.Stop.SATURATED, 1, 2, 4, 8, 16),
            search("mosquitto", CapacityResult.Stop.SATURATED, 1, 2, 4, 8),
            search("bare", CapacityResult.Stop.SATURATED, 1, 2, 4, 8, 16, 32));

    assertThat(md).contains("| 1000×10 | 2.00 | 0.50 | 0.50 (at 4 Hz) |");
  }

  @Test
  void p99IsComparedAtTheOtherCapacityWhenVigilSkippedThatRateTakingVigilsHeavierStep() {
    CapacityResult mosquitto =
        new CapacityResult(
            "mosquitto",
            AGENTS,
            DASHBOARDS,
            AGENTS,
            DASHBOARDS,
            500,
            List.of(
                step(4, StepVerdict.Kind.SUSTAINED, 4),
                step(8, StepVerdict.Kind.SUSTAINED, 1),
                step(16, StepVerdict.Kind.NOT_SUSTAINED, 900),
                step(12, StepVerdict.Kind.SUSTAINED, 150)),
            CapacityResult.Stop.SATURATED,
            "");

    String md =
        render(
            search("vigil", CapacityResult.Stop.SATURATED, 4, 8, 16, 32, 64),
            mosquitto,
            search("bare", CapacityResult.Stop.SATURATED, 4, 8, 16, 32, 64, 128));

    // Vigil never stepped on 12 Hz: its 16 Hz step (16 ms) against Mosquitto's 12 Hz (150 ms).
    assertThat(md)
        .contains("| 1000×10 | 2.67 | 0.50 | 0.11 (Vigil at 16 Hz, the other at 12 Hz) |");
  }

  @Test
  void targetsAreJudgedOnCapacityNotOnTheOneHertzCells() {
    String md =
        render(
            search("vigil", CapacityResult.Stop.SATURATED, 1, 2, 4, 8, 16),
            search("mosquitto", CapacityResult.Stop.SATURATED, 1, 2, 4, 8),
            search("bare", CapacityResult.Stop.SATURATED, 1, 2, 4, 8, 16, 32));

    assertThat(md)
        .contains(
            "rate both sustain, in every cell | capacity met in: 1000×10 (2.00×); missed in:"
                + " none | met |");
    assertThat(md)
        .contains("(capacity) | capacity met in: none; missed in: 1000×10 (0.50×) | **not met** |");
  }

  @Test
  void targetThatOnlyBoundsCanReachIsUndeterminedNeverMet() {
    String md =
        render(
            search("vigil", CapacityResult.Stop.SATURATED, 1, 2, 4, 8, 16),
            search("bare", CapacityResult.Stop.HARNESS_BOUND, 1, 2, 4, 8, 16));

    assertThat(md)
        .contains(
            "(capacity) | capacity met in: none; missed in: none; undetermined (bounds only) in:"
                + " 1000×10 (≤ 1.00×) | undetermined |");
  }

  @Test
  void everyStepIsListedWithItsVerdict() {
    String md = render(search("vigil", CapacityResult.Stop.SATURATED, 1, 2));

    assertThat(md).contains("| 1000×10 | Vigil relay | 1 | 10,000 | 10,000 | 0 |");
    assertThat(md).contains("| **not sustained** | lost 12 |");
  }
}
