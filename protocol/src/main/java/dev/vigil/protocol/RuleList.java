package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to dashboards: every alert rule in effect, pushed whenever one changes.
 *
 * @param rules the rules, ordered by id
 */
public record RuleList(List<RuleDefinition> rules) implements Message {
  public RuleList {
    rules = List.copyOf(rules);
  }
}
