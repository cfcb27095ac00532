package io.quorum.engine.backtest;

import io.quorum.engine.message.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The desk's decision rounds of a replay by outcome, the approved orders the RiskEngine refused,
 * who voted ({@code agents}: "rule-based", or which agents a language model spoke for) and what
 * they asked of the model ({@link ModelUse#NONE} when nothing). Empty when the signals were
 * executed directly.
 */
public record DecisionTally(String agents, Map<Outcome, Integer> byOutcome, int refusedByRiskEngine, ModelUse models) {
    public static final DecisionTally NONE = new DecisionTally("none", Map.of(), 0);

    public DecisionTally {
        EnumMap<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
        ordered.putAll(byOutcome);
        byOutcome = Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(models, "models");
    }

    /** A tally of agents that reasoned by their rules alone. */
    public DecisionTally(String agents, Map<Outcome, Integer> byOutcome, int refusedByRiskEngine) {
        this(agents, byOutcome, refusedByRiskEngine, ModelUse.NONE);
    }

    public int rounds() { return byOutcome.values().stream().mapToInt(Integer::intValue).sum(); }

    public int count(Outcome outcome) { return byOutcome.getOrDefault(outcome, 0); }
}
