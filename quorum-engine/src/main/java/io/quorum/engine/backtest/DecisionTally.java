package io.quorum.engine.backtest;

import io.quorum.engine.message.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The desk's decision rounds of a replay by outcome, the approved orders the RiskEngine refused,
 * and who voted ({@code agents}: "rule-based"). Empty when the signals were executed directly.
 */
public record DecisionTally(String agents, Map<Outcome, Integer> byOutcome, int refusedByRiskEngine) {
    public static final DecisionTally NONE = new DecisionTally("none", Map.of(), 0);

    public DecisionTally {
        EnumMap<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
        ordered.putAll(byOutcome);
        byOutcome = Collections.unmodifiableMap(ordered);
    }

    public int rounds() { return byOutcome.values().stream().mapToInt(Integer::intValue).sum(); }

    public int count(Outcome outcome) { return byOutcome.getOrDefault(outcome, 0); }
}
