package io.quorum.engine.reasoning;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import java.util.Objects;

/**
 * What came of asking the model: its answer (a {@link VoteAnswer} to a vote, a {@link Reply} to a
 * question), or why the role answers by its rules instead. Either way, the call as the journal keeps it.
 */
public sealed interface Reasoning<A> {
    ReasonerCalled call();

    /** The same call, its answer (if any) read as {@code reading} reads it. */
    default <B> Reasoning<B> map(java.util.function.Function<? super A, ? extends B> reading) {
        return switch (this) {
            case Answered<A> answered -> new Answered<>(reading.apply(answered.answer()), answered.call());
            case FellBack<A> fellBack -> new FellBack<>(fellBack.detail(), fellBack.call());
        };
    }

    record Answered<A>(A answer, ReasonerCalled call) implements Reasoning<A> {
        public Answered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(call, "call");
            if (call.outcome() != ReasonerCalled.Outcome.ANSWERED) throw new IllegalArgumentException("call: an answer is a call that ANSWERED, was " + call.outcome());
        }
    }

    /** @param detail what exactly went wrong, for the conversation ("HTTP 429 from the server", "confidence 1.7 is above 1") */
    record FellBack<A>(String detail, ReasonerCalled call) implements Reasoning<A> {
        public FellBack {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(call, "call");
            if (call.outcome() == ReasonerCalled.Outcome.ANSWERED) throw new IllegalArgumentException("call: a fallback is a call that did not answer");
        }

        /** "the model did not answer in time (no answer within 20s)". */
        public String why() { return call.outcome().sentence() + (detail.isBlank() ? "" : " (" + detail + ")"); }
    }
}
