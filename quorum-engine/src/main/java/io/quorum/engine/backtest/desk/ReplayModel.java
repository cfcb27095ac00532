package io.quorum.engine.backtest.desk;

import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.reasoning.Reasoner;
import java.time.Duration;
import java.util.Objects;

/**
 * The language model a replay's agents ask (the live desk's {@link Reasoner}), where its answers
 * come from, and how long each took: the replay passes that long in replay time before the agent
 * hears the answer, so that a model slower than the vote's deadline times the round out as it would
 * live. An answer that comes from a file is timed as it was when it was recorded, so that the same
 * answers replay the same way whatever the machine.
 */
public interface ReplayModel {
    Reasoner reasoner();

    LlmAnswers answers();

    /** How long {@code call} took, in replay time. */
    Duration latency(ReasonerCalled call);

    /** Whether {@code call} fell back because no answer to its prompt was recorded. */
    default boolean unrecorded(ReasonerCalled call) { return false; }

    /** A reasoner asked for real, each answer timed by the latency its call measured. */
    static ReplayModel live(Reasoner reasoner) {
        Objects.requireNonNull(reasoner, "reasoner");
        return new ReplayModel() {
            @Override public Reasoner reasoner() { return reasoner; }

            @Override public LlmAnswers answers() { return LlmAnswers.LIVE; }

            @Override public Duration latency(ReasonerCalled call) { return Duration.ofMillis(call.latencyMillis()); }
        };
    }
}
