package dev.vigil.server.alert;

import dev.vigil.protocol.RuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alert rules in effect: the defaults (config file and built-ins), overridden by id by the
 * rules dashboards put, minus the defaults dashboards deleted. Only the edits are persisted, so a
 * changed config file still counts for the rules nobody edited. Not thread-safe (core thread).
 */
public final class RuleBook {
  /** Most rules in effect at once. */
  public static final int MAX_RULES = 1_000;

  /** What dashboards changed: rules put, and default rule ids deleted. */
  public record Edits(List<RuleDefinition> rules, List<String> deleted) {
    public Edits {
      rules = rules == null ? List.of() : List.copyOf(rules);
      deleted = deleted == null ? List.of() : List.copyOf(deleted);
    }
  }

  private final Map<String, RuleDefinition> defaults = new LinkedHashMap<>();
  private final Map<String, RuleDefinition> edits = new TreeMap<>();
  private final Set<String> deleted = new TreeSet<>();

  /** A book of valid {@code defaults} with the stored {@code stored} edits applied. */
  public RuleBook(Collection<RuleDefinition> defaults, Edits stored) {
    for (RuleDefinition r : defaults) {
      this.defaults.put(r.id(), r);
    }
    for (RuleDefinition r : stored.rules()) {
      edits.put(r.id(), r);
    }
    for (String id : stored.deleted()) {
      if (this.defaults.containsKey(id) && !edits.containsKey(id)) {
        deleted.add(id);
      }
    }
  }

  /** Every rule in effect, ordered by id. */
  public List<RuleDefinition> rules() {
    Map<String, RuleDefinition> all = new TreeMap<>(defaults);
    all.keySet().removeAll(deleted);
    all.putAll(edits);
    return new ArrayList<>(all.values());
  }

  /** The rule in effect with {@code id}, or {@code null}. */
  public RuleDefinition rule(String id) {
    if (edits.containsKey(id)) {
      return edits.get(id);
    }
    return deleted.contains(id) ? null : defaults.get(id);
  }

  /** Adds or replaces a rule; returns why not, or {@code null} when done. */
  public String put(RuleDefinition rule) {
    String problem = RuleDefinitions.problem(rule);
    if (problem != null) {
      return problem;
    }
    if (rule(rule.id()) == null && rules().size() >= MAX_RULES) {
      return "there are already " + MAX_RULES + " rules, the most the relay keeps";
    }
    edits.put(rule.id(), rule);
    deleted.remove(rule.id());
    return null;
  }

  /** Deletes a rule; returns why not, or {@code null} when done. */
  public String delete(String id) {
    if (rule(id) == null) {
      return "no rule with id '" + id + "'";
    }
    edits.remove(id);
    if (defaults.containsKey(id)) {
      deleted.add(id);
    }
    return null;
  }

  /** The edits, to persist. */
  public Edits edits() {
    return new Edits(new ArrayList<>(edits.values()), new ArrayList<>(deleted));
  }
}
