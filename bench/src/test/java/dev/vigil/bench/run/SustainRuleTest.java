package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SustainRuleTest {
  private static final long DRAIN_MS = 500;
  private final SustainRule rule = new SustainRule(500);

  private static SustainRule.StepCounts step(
      long lost, Double p99Ms, Double lagP99Ms, Double lagMaxMs, double harnessCores) {
    return step(lost, p99Ms, lagP99Ms, lagMaxMs, harnessCores, 0.6);
  }

  private static SustainRule.StepCounts step(
      long lost,
      Double p99Ms,
      Double lagP99Ms,
      Double lagMaxMs,
      double harnessCores,
      Double serverCores) {
    return new SustainRule.StepCounts(
        10_000,
        lost,
        0,
        0,
        0,
        p99Ms,
        lagP99Ms,
        lagMaxMs,
        DRAIN_MS,
        harnessCores,
        serverCores,
        null);
  }

  @Test
  void everyDeliveryInTimeWithP99InBoundIsSustained() {
    StepVerdict verdict = rule.judge(step(0, 40.0, 2.0, 5.0, 0.4));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.SUSTAINED);
  }

  @Test
  void oneLostDeliveryFailsTheStep() {
    StepVerdict verdict = rule.judge(step(1, 40.0, 2.0, 5.0, 0.4));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.NOT_SUSTAINED);
    assertThat(verdict.reason()).contains("lost 1");
  }

  @Test
  void p99OverTheBoundFailsTheStepEvenWithoutLoss() {
    StepVerdict verdict = rule.judge(step(0, 501.0, 2.0, 5.0, 0.4));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.NOT_SUSTAINED);
    assertThat(verdict.reason()).contains("p99 501.0 ms over 500 ms");
  }

  @Test
  void samplesHeldBackAtTheSenderFailTheStepThoughNothingSentWasLost() {
    StepVerdict verdict =
        rule.judge(
            new SustainRule.StepCounts(
                10_000, 0, 12, 0, 0, 40.0, 2.0, 5.0, DRAIN_MS, 0.4, 0.5, null));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.NOT_SUSTAINED);
  }

  @Test
  void failureWithTheHarnessCoreSaturatedIsHarnessBound() {
    StepVerdict verdict = rule.judge(step(5_000, 2_000.0, 3.0, 5.0, 0.95));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.HARNESS_BOUND);
    assertThat(verdict.reason()).contains("harness 0.95 cores");
  }

  @Test
  void failureExplainedByTheHarnessSendingLateIsHarnessBound() {
    StepVerdict verdict = rule.judge(step(30, 520.0, 80.0, 700.0, 0.5));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.HARNESS_BOUND);
  }

  @Test
  void backlogFarBeyondTheHarnessLagIsChargedToTheServer() {
    StepVerdict verdict = rule.judge(step(2_657, 1_249.0, 77.0, 120.0, 0.4));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.NOT_SUSTAINED);
    assertThat(verdict.reason()).contains("send lag p99 77.0 ms");
  }

  @Test
  void sustainedStepWithALateHarnessStaysSustainedButSaysSo() {
    StepVerdict verdict = rule.judge(step(0, 60.0, 17.0, 30.0, 0.4));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.SUSTAINED);
    assertThat(verdict.reason()).contains("send lag p99 17.0 ms");
  }

  @Test
  void failureWithBothCoresSaturatedIsChargedToTheServer() {
    StepVerdict verdict = rule.judge(step(349_355, 1_693.7, 18.5, 120.0, 0.93, 1.01));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.NOT_SUSTAINED);
    assertThat(verdict.reason()).contains("server saturated its core (1.01)");
  }

  @Test
  void failureWithBothCoresSaturatedButWithinTheHarnessLagIsHarnessBound() {
    StepVerdict verdict = rule.judge(step(30, 520.0, 80.0, 700.0, 0.95, 1.0));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.HARNESS_BOUND);
  }

  @Test
  void failureWithTheHarnessSaturatedAndServerCpuUnknownIsHarnessBound() {
    StepVerdict verdict = rule.judge(step(5_000, 2_000.0, 3.0, 5.0, 0.95, null));

    assertThat(verdict.kind()).isEqualTo(StepVerdict.Kind.HARNESS_BOUND);
  }
}
