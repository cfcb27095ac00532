package io.quorum.engine.backtest;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a replay asked of its language model: where the answers came from, the agents a model spoke
 * for and the models that answered, how many calls the agents made and what came of them (by
 * {@link Outcome}), how many were answered again from this replay's own memory of a prompt, how many
 * fell back because no answer was recorded, how many never answered at all, and the tokens, dollars
 * and the slowest latency the answers took when they were made. Each figure is the same whether an
 * answer came from the model or from the answers file, so the same answers give the same report.
 *
 * @param cacheHits  calls answered from the replay's memory of the same prompt, without asking again
 * @param notRecorded calls that fell back because the answers file had no answer to their prompt
 * @param unanswered calls the replay stopped waiting for: the round decided without them
 */
public record ModelUse(LlmAnswers answers, List<AgentRole> agents, Set<String> models, Map<Outcome, Integer> byOutcome, int cacheHits,
                       int notRecorded, int unanswered, long tokensIn, long tokensOut, BigDecimal cost, Duration slowest) {
    /** A replay whose agents all reason by their rules. */
    public static final ModelUse NONE = new ModelUse(null, List.of(), Set.of(), Map.of(), 0, 0, 0, 0, 0, BigDecimal.ZERO, Duration.ZERO);

    public ModelUse {
        agents = List.copyOf(agents);
        models = Collections.unmodifiableSet(new TreeSet<>(models));
        EnumMap<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
        ordered.putAll(byOutcome);
        byOutcome = Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(slowest, "slowest");
        if (answers == null && !agents.isEmpty()) throw new IllegalArgumentException("answers: model-backed agents need a source of answers");
    }

    /** Whether any agent asked a model. */
    public boolean used() { return answers != null; }

    /** Every call an agent made of the model, answered or not. */
    public int calls() { return byOutcome.values().stream().mapToInt(Integer::intValue).sum() + unanswered; }

    public int count(Outcome outcome) { return byOutcome.getOrDefault(outcome, 0); }

    /** The calls whose role voted, answered or proposed by its rules instead: the model's answer was missing, late or not valid. */
    public int fallbacks() { return calls() - count(Outcome.ANSWERED); }

    public long tokens() { return tokensIn + tokensOut; }

    /** "Technical, Risk": the agents a model spoke for. */
    public String agentNames() {
        return String.join(", ", agents.stream().map(AgentRole::displayName).toList());
    }
}
