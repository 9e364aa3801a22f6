package dev.vigil.ui.rules;

import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import java.util.Locale;

/**
 * One rule as the rules page lists it.
 *
 * @param rule the rule
 * @param kindText what it watches, in words
 * @param scopeText which hosts and sensors or devices
 * @param conditionText threshold, clear threshold and duration, or the event
 * @param severityText how urgent
 */
public record RuleRow(
    RuleDefinition rule,
    String kindText,
    String scopeText,
    String conditionText,
    String severityText) {

  /** The row of a rule. */
  public static RuleRow of(RuleDefinition rule) {
    String hosts = rule.selector().hostGlob() == null ? "every host" : rule.selector().hostGlob();
    String scope =
        switch (rule.kind()) {
          case THRESHOLD -> hosts + " · " + rule.selector().sensorGlob();
          case DEVICE_ADDED, DEVICE_REMOVED ->
              hosts
                  + " · "
                  + (rule.selector().deviceKind() == null
                      ? "any device"
                      : rule.selector().deviceKind().name().toLowerCase(Locale.ROOT) + " devices");
          default -> hosts;
        };
    return new RuleRow(
        rule, kindText(rule.kind()), scope, conditionText(rule), rule.severity().name());
  }

  private static String kindText(RuleKind kind) {
    return switch (kind) {
      case THRESHOLD -> "threshold";
      case DEVICE_ADDED -> "device added";
      case DEVICE_REMOVED -> "device removed";
      case LED_CHANGED -> "LED changed";
      case AGENT_OFFLINE -> "agent offline";
    };
  }

  private static String conditionText(RuleDefinition rule) {
    String duration =
        rule.minDurationMsOrZero() > 0 ? " for " + rule.minDurationMsOrZero() / 1000 + " s" : "";
    if (rule.kind() != RuleKind.THRESHOLD) {
      return duration.isEmpty() ? "when it happens" : "after" + duration.substring(4);
    }
    String symbol =
        switch (rule.comparator()) {
          case GREATER -> ">";
          case GREATER_OR_EQUAL -> "≥";
          case LESS -> "<";
          case LESS_OR_EQUAL -> "≤";
        };
    String clear =
        rule.clearThreshold() == null ? "" : ", clears past " + fmt(rule.clearThreshold());
    return symbol + " " + fmt(rule.threshold()) + clear + duration;
  }

  private static String fmt(Double v) {
    return v == null ? "?" : v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString();
  }

  /** The rule's id. */
  public String id() {
    return rule.id();
  }
}
