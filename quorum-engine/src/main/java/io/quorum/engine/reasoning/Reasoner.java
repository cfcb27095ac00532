package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks a language model how a role votes on a proposal (and what it would ask another agent first), how it words a proposal (or a
 * counter-proposal) it puts to the desk, how it answers another agent's question, or which concern
 * the user's reason for rejecting a card names. The answer comes later, on a thread of the reasoner's own, so that the agent's runner
 * is free meanwhile and the five agents' calls for one vote run side by side.
 *
 * <p>A reasoner never fails: whatever goes wrong (the model is late, down, over budget, or answers
 * nonsense) completes the stage with a {@link Reasoning.FellBack} that says why, and the agent
 * answers by its rules. Every answer, even one that was never asked of a model, carries the
 * {@link io.quorum.engine.journal.JournalEvent.ReasonerCalled} the desk journals.
 */
public interface Reasoner {
    /** The desk's default: no model at all; every role votes and answers by its rules, and says nothing about it. */
    Reasoner RULES_ONLY = new Reasoner() {
        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            return CompletableFuture.failedFuture(new IllegalStateException("no model speaks for " + deliberation.role()));
        }
    };

    /** Whether a model is configured for {@code role}; a role without one votes and answers by its rules alone. */
    boolean speaksFor(AgentRole role);

    /** Whether a model answers the questions other agents ask {@code role}; a role without one answers by its rules alone. */
    default boolean answersFor(AgentRole role) { return false; }

    /** The model's vote on {@code deliberation}, or the reason it has none. */
    CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation);

    /** The same, telling {@code draft} the answer as it is generated; a reasoner that cannot stream tells it nothing. */
    default CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation, AnswerDraft draft) { return reason(deliberation); }

    /**
     * The model's vote on {@code deliberation}, or, when {@link Deliberation#mayAsk} names agents, the
     * question it wants one of them to answer first; the reason it has neither otherwise. A reasoner
     * whose model never asks answers with its vote ({@link #reason}).
     */
    default CompletionStage<Reasoning<Consideration>> consider(Deliberation deliberation, AnswerDraft draft) {
        return reason(deliberation, draft).thenApply(reasoning -> reasoning.map(vote -> vote));
    }
    /** Whether a model words the proposals {@code role} puts to the desk; a role without one proposes by its rules alone. */
    default boolean draftsFor(AgentRole role) { return false; }

    /**
     * The model's proposal for {@code drafting}, its choice to hold back a proposal that is not a
     * counter-proposal, or the reason it has neither; asked only of a role it {@link #draftsFor}.
     */
    default CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this reasoner does not draft proposals"));
    }

    /** Whether a model reads, for {@code role}, the user's reason for rejecting its card when the reason's words name no concern. */
    default boolean readsFor(AgentRole role) { return false; }

    /** The concern the model reads in {@code rejection}'s reason, or the reason it has none; asked only of a role it {@link #readsFor}. */
    default CompletionStage<Reasoning<ConcernAnswer>> readConcern(Rejection rejection) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this reasoner does not read rejections"));
    }

    /** The model's answer to {@code inquiry}'s question, or the reason it has none; asked only of a role it {@link #answersFor}. */
    default CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this reasoner does not answer questions"));
    }

    /** The same, telling {@code draft} the answer as it is generated; a reasoner that cannot stream tells it nothing. */
    default CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry, AnswerDraft draft) { return answer(inquiry); }

    /**
     * Whether the day's token or dollar budget is spent, so that every role answers by its rules
     * until the day turns: a risk input the desk's screen shows. Never, for a reasoner without a budget.
     */
    default boolean budgetSpentToday() { return false; }
}
