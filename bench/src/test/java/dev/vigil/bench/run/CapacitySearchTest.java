package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The search policy with scripted step outcomes: the policy is pure logic over verdicts, so the
 * steps are plain values here (the end-to-end test runs real steps).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CapacitySearchTest {
  private static final List<Double> RATES = List.of(1.0, 2.0, 4.0, 8.0, 16.0);

  static CapacityStep step(double rate, StepVerdict.Kind verdict) {
    return new CapacityStep(
        rate,
        2.0,
        1_000 * rate,
        10_000 * rate,
        0,
        0,
        0,
        0,
        0,
        0,
        10_000 * rate,
        1_000 * rate,
        1.0,
        10.0,
        20.0,
        30.0,
        1.0,
        0.5,
        0.3,
        0.0,
        verdict,
        "");
  }

  private final List<Double> ran = new ArrayList<>();

  private CapacitySearch.StepRunner runner(DoubleFunction<StepVerdict.Kind> verdicts) {
    return rate -> {
      ran.add(rate);
      return step(rate, verdicts.apply(rate));
    };
  }

  @Test
  void searchStopsAtTheFirstFailingRateThenTriesOnceHalfway() throws Exception {
    CapacitySearch.Outcome outcome =
        CapacitySearch.search(
            RATES,
            true,
            runner(r -> r < 6 ? StepVerdict.Kind.SUSTAINED : StepVerdict.Kind.NOT_SUSTAINED),
            () -> null);

    assertThat(ran).containsExactly(1.0, 2.0, 4.0, 8.0, 6.0);
    assertThat(outcome.stop()).isEqualTo(CapacityResult.Stop.SATURATED);
  }

  @Test
  void harnessBoundStepEndsTheSearchWithoutRefinementAndIsLabelledSo() throws Exception {
    CapacitySearch.Outcome outcome =
        CapacitySearch.search(
            RATES,
            true,
            runner(r -> r < 8 ? StepVerdict.Kind.SUSTAINED : StepVerdict.Kind.HARNESS_BOUND),
            () -> null);

    assertThat(ran).containsExactly(1.0, 2.0, 4.0, 8.0);
    assertThat(outcome.stop()).isEqualTo(CapacityResult.Stop.HARNESS_BOUND);
  }

  @Test
  void everyRateSustainedIsReportedAsALowerBound() throws Exception {
    CapacitySearch.Outcome outcome =
        CapacitySearch.search(RATES, true, runner(r -> StepVerdict.Kind.SUSTAINED), () -> null);

    assertThat(ran).isEqualTo(RATES);
    assertThat(outcome.stop()).isEqualTo(CapacityResult.Stop.ALL_RATES_SUSTAINED);
  }

  @Test
  void refinementIsSkippedWithANoteWhenTheServerHasNotRecovered() throws Exception {
    CapacitySearch.Outcome outcome =
        CapacitySearch.search(
            RATES,
            true,
            runner(r -> r < 2 ? StepVerdict.Kind.SUSTAINED : StepVerdict.Kind.NOT_SUSTAINED),
            () -> "backlog still arriving");

    assertThat(ran).containsExactly(1.0, 2.0);
    assertThat(outcome.notes()).containsExactly("refinement skipped: backlog still arriving");
  }

  @Test
  void firstRateFailingLeavesNothingToRefine() throws Exception {
    CapacitySearch.Outcome outcome =
        CapacitySearch.search(RATES, true, runner(r -> StepVerdict.Kind.NOT_SUSTAINED), () -> null);

    assertThat(ran).containsExactly(1.0);
    assertThat(outcome.stop()).isEqualTo(CapacityResult.Stop.SATURATED);
  }
}
