package dev.vigil.server.alert;

import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks rule definitions, converts them to and from {@link AlertRule}, and builds the detectors a
 * set of rules needs.
 */
public final class RuleDefinitions {
  /** Longest rule id, in characters. */
  public static final int MAX_ID_LENGTH = 64;

  /** Longest minimum duration a rule may ask for: one day. */
  public static final Duration MAX_MIN_DURATION = Duration.ofDays(1);

  /** Longest glob in a selector, in characters. */
  public static final int MAX_GLOB_LENGTH = 200;

  /** Most labels in a selector. */
  public static final int MAX_LABELS = 32;

  /** Rule ids of the built-in hardware detectors; no configured rule may take them. */
  public static final Set<String> BUILT_IN_IDS =
      Set.of(
          TemperatureLimitDetector.RULE_ID,
          VoltageRangeDetector.RULE_ID,
          FanStoppedDetector.RULE_ID,
          DeviceRemovedDetector.RULE_ID);

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  private RuleDefinitions() {}

  /** Why {@code rule} is not a valid rule, naming the field; {@code null} when it is valid. */
  public static String problem(RuleDefinition rule) {
    if (rule == null) {
      return "missing rule";
    }
    String id = rule.id();
    if (id == null || id.isBlank()) {
      return "rule id must not be blank";
    }
    if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
      return "rule id '"
          + id
          + "' must be 1 to "
          + MAX_ID_LENGTH
          + " letters, digits, '.', '_' or '-'";
    }
    String where = "rule '" + id + "': ";
    if (BUILT_IN_IDS.contains(id)) {
      return where + "the id is taken by a built-in hardware rule";
    }
    if (rule.kind() == null) {
      return where
          + "missing kind; one of threshold, device.added, device.removed, led.changed,"
          + " agent.offline";
    }
    if (rule.severity() == null) {
      return where + "missing severity";
    }
    RuleSelector s = rule.selector();
    if (s == null) {
      return where + "missing selector";
    }
    String globs = globProblem(s.hostGlob(), "selector.hostGlob");
    if (globs == null) {
      globs = globProblem(s.sensorGlob(), "selector.sensorGlob");
    }
    if (globs != null) {
      return where + globs;
    }
    if (s.labels().size() > MAX_LABELS) {
      return where + "selector.labels has more than " + MAX_LABELS + " labels";
    }
    long minMs = rule.minDurationMsOrZero();
    if (minMs < 0 || minMs > MAX_MIN_DURATION.toMillis()) {
      return where + "minDurationMs " + minMs + " is outside 0 to " + MAX_MIN_DURATION.toMillis();
    }
    if (rule.messageTemplate() != null && MessageTemplate.problem(rule.messageTemplate()) != null) {
      return where + MessageTemplate.problem(rule.messageTemplate());
    }
    return rule.kind() == RuleKind.THRESHOLD
        ? thresholdProblem(rule, where)
        : eventProblem(rule, where);
  }

  private static String thresholdProblem(RuleDefinition rule, String where) {
    RuleSelector s = rule.selector();
    if (s.sensorGlob() == null) {
      return where + "a threshold rule needs selector.sensorGlob";
    }
    if (s.deviceKind() != null) {
      return where + "selector.deviceKind is for device event rules, not threshold rules";
    }
    if (rule.comparator() == null) {
      return where + "a threshold rule needs a comparator: >, >=, < or <=";
    }
    if (rule.threshold() == null || !Double.isFinite(rule.threshold())) {
      return where + "a threshold rule needs a finite threshold";
    }
    double clear = clearOf(rule);
    if (!Double.isFinite(clear)) {
      return where + "clearThreshold must be finite";
    }
    Comparison c = Comparison.of(rule.comparator());
    if (clear != rule.threshold() && c.triggers(clear, rule.threshold())) {
      return where
          + "clearThreshold "
          + ValueFormat.number(clear)
          + " must be on the clearing side of threshold "
          + ValueFormat.number(rule.threshold())
          + " for comparator "
          + c.comparator().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    return null;
  }

  private static String eventProblem(RuleDefinition rule, String where) {
    RuleSelector s = rule.selector();
    String kind = wireName(rule.kind());
    if (s.sensorGlob() != null || s.sensorKind() != null) {
      return where + "selector.sensorGlob and sensorKind are for threshold rules, not " + kind;
    }
    if (rule.comparator() != null || rule.threshold() != null || rule.clearThreshold() != null) {
      return where
          + "comparator, threshold and clearThreshold are for threshold rules, not "
          + kind;
    }
    if (rule.kind() == RuleKind.AGENT_OFFLINE && s.deviceKind() != null) {
      return where + "selector.deviceKind is for device event rules, not " + kind;
    }
    if (rule.kind() == RuleKind.LED_CHANGED
        && s.deviceKind() != null
        && s.deviceKind() != DeviceKind.LED) {
      return where + "a led.changed rule can only select deviceKind led";
    }
    if (rule.kind() != RuleKind.AGENT_OFFLINE && rule.minDurationMsOrZero() != 0) {
      return where + "minDurationMs is not used by " + kind + " rules (they fire at once)";
    }
    return null;
  }

  private static String globProblem(String glob, String field) {
    if (glob != null && (glob.isEmpty() || glob.length() > MAX_GLOB_LENGTH)) {
      return field + " must be 1 to " + MAX_GLOB_LENGTH + " characters";
    }
    return null;
  }

  /** The wire name of a rule kind, e.g. {@code device.added}. */
  public static String wireName(RuleKind kind) {
    return switch (kind) {
      case THRESHOLD -> "threshold";
      case DEVICE_ADDED -> "device.added";
      case DEVICE_REMOVED -> "device.removed";
      case LED_CHANGED -> "led.changed";
      case AGENT_OFFLINE -> "agent.offline";
    };
  }

  /** The definition of a threshold rule. */
  public static RuleDefinition of(AlertRule rule) {
    return new RuleDefinition(
        rule.id(),
        RuleKind.THRESHOLD,
        new RuleSelector(
            rule.hostPattern(), rule.sensorPattern(), rule.kind(), rule.labels(), null),
        rule.comparison().comparator(),
        rule.threshold(),
        rule.clearThreshold(),
        rule.minDuration().toMillis(),
        rule.severity(),
        rule.messageTemplate(),
        rule.description());
  }

  /** The built-in agent-offline rule: every host, a warning once offline for {@code delay}. */
  public static RuleDefinition agentOffline(Duration delay) {
    return new RuleDefinition(
        AgentOfflineDetector.RULE_ID,
        RuleKind.AGENT_OFFLINE,
        new RuleSelector("*", null, null, null, null),
        null,
        null,
        null,
        delay.toMillis(),
        dev.vigil.protocol.Severity.WARNING,
        null,
        "Agent offline for " + ValueFormat.duration(delay));
  }

  /** The threshold rule of a valid threshold definition. */
  public static AlertRule toAlertRule(RuleDefinition rule) {
    RuleSelector s = rule.selector();
    return new AlertRule(
        rule.id(),
        rule.description(),
        s.hostGlob() == null ? "*" : s.hostGlob(),
        s.sensorGlob(),
        s.sensorKind(),
        Comparison.of(rule.comparator()),
        rule.threshold(),
        clearOf(rule),
        Duration.ofMillis(rule.minDurationMsOrZero()),
        rule.severity(),
        s.labels(),
        rule.messageTemplate());
  }

  /**
   * The detectors for valid {@code rules}, in their order, then the hardware built-ins when {@code
   * hardwareRules}.
   */
  public static List<AlertDetector> detectors(
      Collection<RuleDefinition> rules, boolean hardwareRules) {
    return detectors(rules, hardwareRules, LedBaselines.inMemory());
  }

  /** As {@link #detectors(Collection, boolean)}, the LED rules sharing {@code ledBaselines}. */
  public static List<AlertDetector> detectors(
      Collection<RuleDefinition> rules, boolean hardwareRules, LedBaselines ledBaselines) {
    ledBaselines.retainRules(
        rules.stream().map(RuleDefinition::id).collect(java.util.stream.Collectors.toSet()));
    List<AlertDetector> detectors = new ArrayList<>();
    for (RuleDefinition r : rules) {
      RuleSelector s = r.selector();
      switch (r.kind()) {
        case THRESHOLD -> detectors.add(new ThresholdDetector(toAlertRule(r)));
        case AGENT_OFFLINE ->
            detectors.add(
                new AgentOfflineDetector(
                    r.id(),
                    s.hostGlob(),
                    s.labels(),
                    Duration.ofMillis(r.minDurationMsOrZero()),
                    r.severity(),
                    r.messageTemplate()));
        case DEVICE_ADDED, DEVICE_REMOVED, LED_CHANGED ->
            detectors.add(
                new EventRuleDetector(
                    r.id(),
                    r.kind(),
                    s.hostGlob(),
                    s.labels(),
                    s.deviceKind(),
                    r.severity(),
                    r.messageTemplate(),
                    ledBaselines));
      }
    }
    if (hardwareRules) {
      detectors.add(new TemperatureLimitDetector());
      detectors.add(new VoltageRangeDetector());
      detectors.add(new FanStoppedDetector());
      detectors.add(new DeviceRemovedDetector());
    }
    return detectors;
  }

  private static double clearOf(RuleDefinition rule) {
    return rule.clearThreshold() == null ? rule.threshold() : rule.clearThreshold();
  }
}
