package io.quorum.engine.desk;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A model that answers each role, a moment later on a thread of its own, with the outcome the test
 * gave that role: when it answers, it rejects ({@link #ANSWER}), and its raw answer is the choice's name.
 */
final class ScriptedModel implements Reasoner {
    static final VoteAnswer ANSWER = new VoteAnswer(VoteChoice.REJECT, "the model sees no edge here", new BigDecimal("0.7"), null);

    private final Function<AgentRole, Outcome> outcomes;

    ScriptedModel(Function<AgentRole, Outcome> outcomes) { this.outcomes = outcomes; }

    /** The prompt version this model's calls are recorded with. */
    static String promptVersion(AgentRole role) { return role.name().toLowerCase(Locale.ROOT) + ".v1"; }

    @Override public boolean speaksFor(AgentRole role) { return true; }

    @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
        Outcome outcome = outcomes.apply(deliberation.role());
        boolean answered = outcome == Outcome.ANSWERED;
        ReasonerCalled call = new ReasonerCalled(deliberation.proposal().id(), deliberation.role(), "scripted", "test-model", "test-model-1",
                promptVersion(deliberation.role()), "00ff", answered ? 850 : 0, answered ? 50 : 0, 5,
                new BigDecimal(answered ? "0.0003" : "0"), outcome, false, answered ? ANSWER.choice().name() : "");
        Reasoning<VoteAnswer> reasoning = answered ? new Reasoning.Answered<>(ANSWER, call) : new Reasoning.FellBack<>("scripted", call);
        return CompletableFuture.supplyAsync(() -> reasoning, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }
}
