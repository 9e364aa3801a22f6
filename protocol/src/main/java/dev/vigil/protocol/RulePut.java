package dev.vigil.protocol;

/**
 * Dashboard to relay (admin role): add a rule, or replace the rule with the same id. Answered by a
 * {@link Result}; on success every dashboard gets the new {@link RuleList}.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param rule the rule
 */
public record RulePut(String requestId, RuleDefinition rule) implements Message {}
