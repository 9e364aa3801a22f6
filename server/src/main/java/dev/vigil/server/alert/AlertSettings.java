package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.Silence;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editable alert settings: rules and silences, kept in {@code <dataDir>/rules.json} and {@code
 * <dataDir>/silences.json}, applied to the {@link AlertEngine} as they change. Every change says
 * which alerts it changed, for the caller to push. Not thread-safe (core thread).
 */
public final class AlertSettings {
  /** File of the rules dashboards put or deleted, inside the data dir. */
  public static final String RULES_FILE = "rules.json";

  /** File of the silences, inside the data dir. */
  public static final String SILENCES_FILE = "silences.json";

  private static final Logger log = LoggerFactory.getLogger(AlertSettings.class);

  /** What {@code silences.json} holds. */
  record StoredSilences(List<Silence> silences) {}

  /**
   * What a change did.
   *
   * @param error why nothing changed; {@code null} on success
   * @param alerts alerts changed by it, to push
   * @param rulesChanged whether the rule list changed
   * @param silencesChanged whether the silence list changed
   */
  public record Change(
      String error, List<Alert> alerts, boolean rulesChanged, boolean silencesChanged) {
    static Change failed(String error) {
      return new Change(error, List.of(), false, false);
    }

    /** True when it was carried out. */
    public boolean ok() {
      return error == null;
    }
  }

  private final AlertEngine engine;
  private final RuleBook rules;
  private final SilenceBook silences;
  private final boolean hardwareRules;
  private final JsonFile<RuleBook.Edits> rulesFile;
  private final JsonFile<StoredSilences> silencesFile;
  private final LedBaselines ledBaselines;

  /**
   * Loads the stored edits and silences from {@code dataDir} over {@code defaults} (valid rules)
   * and makes {@code engine} run them.
   */
  public AlertSettings(
      AlertEngine engine,
      List<RuleDefinition> defaults,
      boolean hardwareRules,
      Path dataDir,
      Clock clock) {
    this.engine = engine;
    this.hardwareRules = hardwareRules;
    this.rulesFile = new JsonFile<>(dataDir.resolve(RULES_FILE), RuleBook.Edits.class);
    this.silencesFile = new JsonFile<>(dataDir.resolve(SILENCES_FILE), StoredSilences.class);
    this.ledBaselines = LedBaselines.keptIn(dataDir);
    RuleBook.Edits stored = rulesFile.load();
    this.rules = new RuleBook(defaults, validEdits(stored));
    StoredSilences storedSilences = silencesFile.load();
    this.silences =
        new SilenceBook(
            clock,
            storedSilences == null || storedSilences.silences() == null
                ? List.of()
                : storedSilences.silences().stream().filter(Objects::nonNull).toList());
    engine.silencer(silences);
    engine.useDetectors(RuleDefinitions.detectors(rules.rules(), hardwareRules, ledBaselines));
  }

  private static RuleBook.Edits validEdits(RuleBook.Edits stored) {
    if (stored == null) {
      return new RuleBook.Edits(List.of(), List.of());
    }
    List<RuleDefinition> valid = new ArrayList<>();
    for (RuleDefinition r : stored.rules()) {
      String problem = RuleDefinitions.problem(r);
      if (problem == null) {
        valid.add(r);
      } else {
        log.warn("Ignoring a stored rule in {}: {}", RULES_FILE, problem);
      }
    }
    return new RuleBook.Edits(valid, stored.deleted());
  }

  /** Every rule in effect, ordered by id. */
  public List<RuleDefinition> rules() {
    return rules.rules();
  }

  /** Every silence in effect, soonest expiry first. */
  public List<Silence> silences() {
    return silences.silences();
  }

  /** Adds or replaces a rule for {@code by}; open alerts of a replaced rule resolve. */
  public Change putRule(RuleDefinition rule, String by) {
    boolean replaces = rule != null && rule.id() != null && rules.rule(rule.id()) != null;
    String error = rules.put(rule);
    if (error != null) {
      return Change.failed(error);
    }
    List<Alert> changed = replaces ? engine.resolveRule(rule.id(), by) : List.of();
    rulesChanged();
    log.info("Rule '{}' {} by {}", rule.id(), replaces ? "replaced" : "added", by);
    return new Change(null, changed, true, false);
  }

  /** Deletes a rule for {@code by}; its open alerts resolve. */
  public Change deleteRule(String ruleId, String by) {
    String error = rules.delete(ruleId);
    if (error != null) {
      return Change.failed(error);
    }
    List<Alert> changed = engine.resolveRule(ruleId, by);
    rulesChanged();
    log.info("Rule '{}' deleted by {}", ruleId, by);
    return new Change(null, changed, true, false);
  }

  /** Adds or replaces a silence for {@code by}. */
  public Change putSilence(Silence silence, String by) {
    SilenceBook.PutOutcome outcome = silences.put(silence, by);
    if (outcome.error() != null) {
      return Change.failed(outcome.error());
    }
    silencesFile.save(new StoredSilences(silences.silences()));
    log.info("Silence '{}' put by {}", outcome.silence().id(), by);
    return new Change(null, engine.restamp(by), false, true);
  }

  /** Ends a silence for {@code by}. */
  public Change deleteSilence(String silenceId, String by) {
    String error = silences.delete(silenceId);
    if (error != null) {
      return Change.failed(error);
    }
    silencesFile.save(new StoredSilences(silences.silences()));
    log.info("Silence '{}' deleted by {}", silenceId, by);
    return new Change(null, engine.restamp(by), false, true);
  }

  /** Drops expired silences; the alerts they no longer silence are in the change. */
  public Change tick() {
    if (!silences.expire()) {
      return new Change(null, List.of(), false, false);
    }
    silencesFile.save(new StoredSilences(silences.silences()));
    return new Change(null, engine.restamp(Alert.CHANGED_BY_RELAY), false, true);
  }

  /** Writes what is pending to disk and stops the writers. */
  public void close() throws InterruptedException {
    rulesFile.close();
    silencesFile.close();
    ledBaselines.close();
  }

  private void rulesChanged() {
    engine.useDetectors(RuleDefinitions.detectors(rules.rules(), hardwareRules, ledBaselines));
    rulesFile.save(rules.edits());
  }
}
