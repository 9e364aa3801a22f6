package dev.vigil.ui.rules;

import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A rule as the operator typed it in the editor, every field as text, and its reading into a {@link
 * RuleDefinition}: the first problem is named, so the editor can say it before anything is sent.
 * The relay checks again and has the last word.
 *
 * @param id rule id
 * @param kind what it watches
 * @param hostGlob hosts, empty for all
 * @param sensorGlob threshold rules: sensors
 * @param comparator threshold rules
 * @param threshold threshold rules: a number
 * @param clearThreshold threshold rules: a number, or empty for the threshold itself
 * @param minDurationSeconds seconds the condition must hold, empty for none
 * @param severity how urgent
 * @param messageTemplate empty for the relay's wording
 * @param description empty for none
 */
public record RuleForm(
    String id,
    RuleKind kind,
    String hostGlob,
    String sensorGlob,
    Comparator comparator,
    String threshold,
    String clearThreshold,
    String minDurationSeconds,
    Severity severity,
    String messageTemplate,
    String description) {

  /** A new threshold rule's form, with the fields an operator fills in most often empty. */
  public static RuleForm blank() {
    return new RuleForm(
        "", RuleKind.THRESHOLD, "*", "", Comparator.GREATER, "", "", "", Severity.WARNING, "", "");
  }

  /** The form showing an existing rule. */
  public static RuleForm of(RuleDefinition rule) {
    RuleSelector s = rule.selector();
    return new RuleForm(
        rule.id(),
        rule.kind(),
        s.hostGlob() == null ? "" : s.hostGlob(),
        s.sensorGlob() == null ? "" : s.sensorGlob(),
        rule.comparator() == null ? Comparator.GREATER : rule.comparator(),
        rule.threshold() == null ? "" : number(rule.threshold()),
        rule.clearThreshold() == null ? "" : number(rule.clearThreshold()),
        rule.minDurationMs() == null ? "" : number(rule.minDurationMs() / 1000.0),
        rule.severity(),
        rule.messageTemplate() == null ? "" : rule.messageTemplate(),
        rule.description() == null ? "" : rule.description());
  }

  /** The outcome of reading a form: a rule, or the first problem. */
  public sealed interface Reading {
    /** The form makes this rule. */
    record Valid(RuleDefinition rule) implements Reading {}

    /** What is wrong, in words for the operator. */
    record Invalid(String problem) implements Reading {}
  }

  /** Reads the form, keeping {@code original}'s selector parts the editor does not show. */
  public Reading read(Optional<RuleDefinition> original) {
    String ruleId = trim(id);
    if (ruleId.isEmpty() || !ruleId.matches("[A-Za-z0-9._-]+")) {
      return new Reading.Invalid("rule id must be letters, digits, '.', '_' or '-'");
    }
    Double value = null;
    Double clear = null;
    Comparator cmp = null;
    String sensors = null;
    if (kind == RuleKind.THRESHOLD) {
      sensors = trim(sensorGlob);
      if (sensors.isEmpty()) {
        return new Reading.Invalid("a threshold rule needs the sensors it watches");
      }
      Optional<Double> parsed = parse(threshold);
      if (parsed.isEmpty()) {
        return new Reading.Invalid("threshold must be a number, got '" + trim(threshold) + "'");
      }
      value = parsed.get();
      if (!trim(clearThreshold).isEmpty()) {
        Optional<Double> parsedClear = parse(clearThreshold);
        if (parsedClear.isEmpty()) {
          return new Reading.Invalid(
              "clear threshold must be a number or empty, got '" + trim(clearThreshold) + "'");
        }
        clear = parsedClear.get();
      }
      cmp = comparator;
    }
    Long durationMs = null;
    if (!trim(minDurationSeconds).isEmpty()) {
      Optional<Double> seconds = parse(minDurationSeconds);
      if (seconds.isEmpty() || seconds.get() < 0) {
        return new Reading.Invalid(
            "minimum duration must be seconds ≥ 0 or empty, got '"
                + trim(minDurationSeconds)
                + "'");
      }
      durationMs = Math.round(seconds.get() * 1000);
    }
    RuleSelector kept = original.map(RuleDefinition::selector).orElse(null);
    RuleSelector selector =
        new RuleSelector(
            trim(hostGlob).isEmpty() ? null : trim(hostGlob),
            sensors,
            kept == null ? null : kept.sensorKind(),
            kept == null ? Map.of() : kept.labels(),
            kept == null ? null : kept.deviceKind());
    return new Reading.Valid(
        new RuleDefinition(
            ruleId,
            kind,
            selector,
            cmp,
            value,
            clear,
            durationMs,
            severity,
            trim(messageTemplate).isEmpty() ? null : trim(messageTemplate),
            trim(description).isEmpty() ? null : trim(description)));
  }

  private static Optional<Double> parse(String text) {
    try {
      double v = Double.parseDouble(trim(text).replace(',', '.'));
      return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String trim(String text) {
    return text == null ? "" : text.trim();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
