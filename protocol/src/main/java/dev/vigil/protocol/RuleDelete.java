package dev.vigil.protocol;

/**
 * Dashboard to relay (admin role): delete a rule, also one from the config file. Answered by a
 * {@link Result}; on success every dashboard gets the new {@link RuleList}.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param ruleId the rule to delete
 */
public record RuleDelete(String requestId, String ruleId) implements Message {}
