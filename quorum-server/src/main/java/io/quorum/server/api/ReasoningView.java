package io.quorum.server.api;

import java.util.List;

/**
 * Who answers for each agent today, a model or the rules, and what the models have cost today
 * against the day's budget (docs/reasoning.md). With no model configured, {@code provider} is
 * "none", {@code circuit} and {@code budget} are null, and every role answers by its rules.
 *
 * @param circuit CLOSED while calls go through, OPEN while the provider is given a rest, HALF_OPEN while one trial call decides
 */
public record ReasoningView(String provider, String circuit, Budget budget, List<RoleReasoning> roles) {

    /**
     * Today's spending (UTC day) against the day's limits; once {@code spent}, every role answers by
     * its rules until the day turns.
     */
    public record Budget(String day, long tokensToday, long tokensPerDay, String dollarsToday, String dollarsPerDay, boolean spent) {}

    /**
     * One voter: its model (null when it has none), whether the model or the rules answer for it
     * now ({@code MODEL} or {@code RULES}) and why the rules do, and what its model has cost today.
     * {@code budgetSpent} is the day's budget, which the roles share.
     */
    public record RoleReasoning(String role, String model, String answersBy, String why, boolean budgetSpent, long modelTokensToday, String modelDollarsToday) {}
}
