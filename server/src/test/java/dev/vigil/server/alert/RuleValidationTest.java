package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Severity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Invalid rules are refused with an error that names the field, and change nothing. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RuleValidationTest {
  private static RuleDefinition threshold(Comparator comparator, Double threshold, Double clear) {
    return new RuleDefinition(
        "hot",
        RuleKind.THRESHOLD,
        new RuleSelector(null, "cpu.*", null, null, null),
        comparator,
        threshold,
        clear,
        null,
        Severity.WARNING,
        null,
        null);
  }

  @Test
  void clearThresholdOnTheRaisingSideIsRefused() {
    assertThat(RuleDefinitions.problem(threshold(Comparator.GREATER_OR_EQUAL, 85.0, 90.0)))
        .isEqualTo(
            "rule 'hot': clearThreshold 90 must be on the clearing side of threshold 85 for"
                + " comparator greater or equal");
  }

  @Test
  void thresholdRuleWithoutThresholdIsRefused() {
    assertThat(RuleDefinitions.problem(threshold(Comparator.LESS, null, null)))
        .isEqualTo("rule 'hot': a threshold rule needs a finite threshold");
  }

  @Test
  void unknownTemplatePlaceholderIsRefused() {
    RuleDefinition r =
        new RuleDefinition(
            "usb",
            RuleKind.DEVICE_ADDED,
            new RuleSelector(null, null, null, null, DeviceKind.USB),
            null,
            null,
            null,
            null,
            Severity.INFO,
            "{device} on {hots}",
            null);

    assertThat(RuleDefinitions.problem(r))
        .startsWith("rule 'usb': messageTemplate has unknown placeholder {hots}");
  }

  @Test
  void eventRuleWithAThresholdIsRefused() {
    RuleDefinition r =
        new RuleDefinition(
            "usb",
            RuleKind.DEVICE_ADDED,
            new RuleSelector(null, null, null, null, null),
            null,
            5.0,
            null,
            null,
            Severity.INFO,
            null,
            null);

    assertThat(RuleDefinitions.problem(r))
        .isEqualTo(
            "rule 'usb': comparator, threshold and clearThreshold are for threshold rules, not"
                + " device.added");
  }

  @Test
  void ruleTakingABuiltInHardwareIdIsRefused() {
    RuleDefinition r =
        new RuleDefinition(
            FanStoppedDetector.RULE_ID,
            RuleKind.AGENT_OFFLINE,
            new RuleSelector(null, null, null, null, null),
            null,
            null,
            null,
            null,
            Severity.INFO,
            null,
            null);

    assertThat(RuleDefinitions.problem(r)).endsWith("the id is taken by a built-in hardware rule");
  }

  @Test
  void refusedPutLeavesTheRuleBookUnchanged() {
    RuleBook book =
        new RuleBook(
            List.of(threshold(Comparator.GREATER, 85.0, 80.0)), new RuleBook.Edits(null, null));

    String error = book.put(threshold(Comparator.GREATER, 85.0, 95.0));

    assertThat(error).contains("clearThreshold 95");
    assertThat(book.rules())
        .singleElement()
        .extracting(RuleDefinition::clearThreshold)
        .isEqualTo(80.0);
  }

  @Test
  void deletedDefaultRuleStaysDeletedInTheEdits() {
    RuleBook book =
        new RuleBook(
            List.of(threshold(Comparator.GREATER, 85.0, 80.0)), new RuleBook.Edits(null, null));

    assertThat(book.delete("hot")).isNull();

    assertThat(book.rules()).isEmpty();
    assertThat(book.edits().deleted()).containsExactly("hot");
    assertThat(book.delete("hot")).isEqualTo("no rule with id 'hot'");
  }
}
