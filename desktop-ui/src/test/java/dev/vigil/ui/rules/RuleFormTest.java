package dev.vigil.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleFormTest {
  private static RuleForm threshold(String threshold, String clear, String seconds) {
    return new RuleForm(
        "cpu-hot",
        RuleKind.THRESHOLD,
        "rack-*",
        "cpu.*.temperature",
        Comparator.GREATER,
        threshold,
        clear,
        seconds,
        Severity.CRITICAL,
        "",
        "");
  }

  @Test
  void aCompleteThresholdFormReadsAsTheRule() {
    RuleForm.Reading reading = threshold("85", "80", "30").read(Optional.empty());

    RuleDefinition rule = ((RuleForm.Reading.Valid) reading).rule();
    assertThat(rule.id()).isEqualTo("cpu-hot");
    assertThat(rule.selector().hostGlob()).isEqualTo("rack-*");
    assertThat(rule.selector().sensorGlob()).isEqualTo("cpu.*.temperature");
    assertThat(rule.threshold()).isEqualTo(85.0);
    assertThat(rule.clearThreshold()).isEqualTo(80.0);
    assertThat(rule.minDurationMs()).isEqualTo(30_000L);
    assertThat(rule.messageTemplate()).isNull();
  }

  @Test
  void aThresholdThatIsNotANumberIsNamed() {
    assertThat(threshold("hot", "", "").read(Optional.empty()))
        .isEqualTo(new RuleForm.Reading.Invalid("threshold must be a number, got 'hot'"));
  }

  @Test
  void aNegativeDurationIsRefused() {
    assertThat(threshold("85", "", "-5").read(Optional.empty()))
        .isInstanceOf(RuleForm.Reading.Invalid.class);
  }

  @Test
  void aThresholdRuleNeedsSensors() {
    RuleForm noSensors =
        new RuleForm(
            "r", RuleKind.THRESHOLD, "", " ", Comparator.LESS, "1", "", "", Severity.INFO, "", "");
    assertThat(noSensors.read(Optional.empty()))
        .isEqualTo(new RuleForm.Reading.Invalid("a threshold rule needs the sensors it watches"));
  }

  @Test
  void anEventRuleNeedsNoThresholdAndCarriesNone() {
    RuleForm usb =
        new RuleForm(
            "usb-added",
            RuleKind.DEVICE_ADDED,
            "",
            "",
            Comparator.GREATER,
            "",
            "",
            "",
            Severity.WARNING,
            "USB device on {host}",
            "");
    RuleDefinition rule = ((RuleForm.Reading.Valid) usb.read(Optional.empty())).rule();
    assertThat(rule.threshold()).isNull();
    assertThat(rule.comparator()).isNull();
    assertThat(rule.selector().hostGlob()).isNull();
    assertThat(rule.messageTemplate()).isEqualTo("USB device on {host}");
  }

  @Test
  void aRuleShownInTheFormReadsBackUnchanged() {
    RuleDefinition rule =
        ((RuleForm.Reading.Valid) threshold("85.5", "80", "12.5").read(Optional.empty())).rule();

    assertThat(RuleForm.of(rule).read(Optional.of(rule)))
        .isEqualTo(new RuleForm.Reading.Valid(rule));
  }

  @Test
  void aBadIdIsRefused() {
    RuleForm spaced =
        new RuleForm(
            "cpu hot", RuleKind.AGENT_OFFLINE, "", "", null, "", "", "", Severity.INFO, "", "");
    assertThat(spaced.read(Optional.empty())).isInstanceOf(RuleForm.Reading.Invalid.class);
  }
}
