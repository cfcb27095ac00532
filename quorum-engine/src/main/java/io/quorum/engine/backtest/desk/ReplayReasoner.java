package io.quorum.engine.backtest.desk;

import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.port.Clock;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The model's answers, handed to the agents on the replay's thread at the replay time they arrive.
 * Each call goes to the model's reasoner at once (the five of a vote run side by side on its
 * threads, as live), but the agent is given a stage of this class's own, which {@link #next} lets
 * the replay complete once the answer is in: at the instant it was asked plus its latency
 * ({@link ReplayModel#latency}), the earliest first, ties in the order asked. The agents' state and
 * the replay's bus are then touched by one thread only, and the same answers always arrive in the
 * same order at the same replay time. The call journaled is the one the replay timed.
 */
final class ReplayReasoner implements Reasoner {
    private final ReplayModel model;
    private final Reasoner asked;
    private final Clock clock;
    private final List<Waiting<?>> waiting = new ArrayList<>();
    private long asks;
    private final EnumMap<ReasonerCalled.Outcome, Integer> outcomes = new EnumMap<>(ReasonerCalled.Outcome.class);
    private final Set<String> models = new TreeSet<>();
    private int cacheHits;
    private int notRecorded;
    private int unanswered;
    private long tokensIn;
    private long tokensOut;
    /** Dollars, to the millionth as the desk's prices are, so that no cost at all reads 0.000000 like any other. */
    private BigDecimal cost = BigDecimal.ZERO.setScale(6);
    private Duration slowest = Duration.ZERO;

    /** An answer in, ready to be handed to its agent at {@code at}. */
    record Arrival(Instant at, Runnable hand) {}

    ReplayReasoner(ReplayModel model, Clock clock) {
        this.model = model;
        this.asked = model.reasoner();
        this.clock = clock;
    }

    @Override public boolean speaksFor(AgentRole role) { return asked.speaksFor(role); }

    @Override public boolean answersFor(AgentRole role) { return asked.answersFor(role); }

    @Override public boolean draftsFor(AgentRole role) { return asked.draftsFor(role); }

    @Override public boolean readsFor(AgentRole role) { return asked.readsFor(role); }

    @Override public boolean budgetSpentToday() { return asked.budgetSpentToday(); }

    @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) { return replayed(() -> asked.reason(deliberation)); }

    @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation, AnswerDraft draft) {
        return replayed(() -> asked.reason(deliberation, draft));
    }

    /**
     * A model votes at once in a replay, asking no one first: the answer to a question would come on
     * the replay's bus while the asker waits in wall time, which the replay's clock does not count.
     */
    @Override public CompletionStage<Reasoning<Consideration>> consider(Deliberation deliberation, AnswerDraft draft) {
        return reason(deliberation.votingNow(), draft).thenApply(reasoning -> reasoning.map(vote -> vote));
    }

    @Override public CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) { return replayed(() -> asked.draft(drafting)); }

    @Override public CompletionStage<Reasoning<ConcernAnswer>> readConcern(Rejection rejection) { return replayed(() -> asked.readConcern(rejection)); }

    @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry) { return replayed(() -> asked.answer(inquiry)); }

    @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry, AnswerDraft draft) { return replayed(() -> asked.answer(inquiry, draft)); }

    /** Whether a call is still to be heard. */
    boolean waiting() { return !waiting.isEmpty(); }

    /**
     * Waits, in wall time, for every call still to be heard, each at most {@code patience} from when
     * it was asked, and tells the one that arrives first in replay time, which is heard when the
     * replay hands it; empty when none will arrive: a call that has not answered by then is never
     * heard, as a vote that misses its deadline live.
     */
    Optional<Arrival> next(Duration patience) {
        for (Waiting<?> call : waiting) call.await(patience);
        int before = waiting.size();
        waiting.removeIf(call -> call.arrival == null);
        unanswered += before - waiting.size();
        Optional<Waiting<?>> first = waiting.stream().min(Comparator.comparing((Waiting<?> call) -> call.arrival).thenComparingLong(call -> call.seq));
        return first.map(call -> new Arrival(call.arrival, () -> {
            waiting.remove(call);
            call.hand();
        }));
    }

    /** What the replay asked of the model, for its report. */
    ModelUse use() {
        List<AgentRole> agents = new ArrayList<>();
        for (AgentRole role : AgentRole.values()) if (role != AgentRole.ORCHESTRATOR && asked.speaksFor(role)) agents.add(role);
        if (agents.isEmpty()) return ModelUse.NONE;
        return new ModelUse(model.answers(), agents, models, outcomes, cacheHits, notRecorded, unanswered, tokensIn, tokensOut, cost, slowest);
    }

    private <A> CompletionStage<Reasoning<A>> replayed(Supplier<CompletionStage<Reasoning<A>>> asking) {
        CompletableFuture<Reasoning<A>> answer;
        try {
            answer = asking.get().toCompletableFuture();
        } catch (RuntimeException broken) {
            answer = CompletableFuture.failedFuture(broken);
        }
        Waiting<A> call = new Waiting<>(++asks, clock.now(), System.nanoTime(), answer);
        waiting.add(call);
        return call.heard;
    }

    /** The call as the replay timed it, counted for the report. */
    private <A> Reasoning<A> timed(Reasoning<A> reasoning) {
        ReasonerCalled c = reasoning.call();
        Duration latency = model.latency(c);
        ReasonerCalled call = new ReasonerCalled(c.proposalId(), c.role(), c.provider(), c.model(), c.modelVersion(), c.promptVersion(), c.promptHash(),
                c.tokensIn(), c.tokensOut(), latency.toMillis(), c.cost(), c.outcome(), c.cached(), c.raw(), c.questionId());
        outcomes.merge(call.outcome(), 1, Integer::sum);
        models.add(call.model());
        if (call.cached()) cacheHits++;
        if (model.unrecorded(call)) notRecorded++;
        tokensIn += call.tokensIn();
        tokensOut += call.tokensOut();
        cost = cost.add(call.cost());
        if (latency.compareTo(slowest) > 0) slowest = latency;
        return switch (reasoning) {
            case Reasoning.Answered<A> answered -> new Reasoning.Answered<>(answered.answer(), call);
            case Reasoning.FellBack<A> fellBack -> new Reasoning.FellBack<>(fellBack.detail(), call);
        };
    }

    /** One call: asked at {@code askedAt} in replay time; once in, when it arrives and what the agent hears. */
    private final class Waiting<A> {
        final long seq;
        final Instant askedAt;
        final long askedNanos;
        final CompletableFuture<Reasoning<A>> answer;
        final CompletableFuture<Reasoning<A>> heard = new CompletableFuture<>();
        Instant arrival;
        Reasoning<A> reasoning;
        Throwable failure;
        boolean awaited;

        Waiting(long seq, Instant askedAt, long askedNanos, CompletableFuture<Reasoning<A>> answer) {
            this.seq = seq;
            this.askedAt = askedAt;
            this.askedNanos = askedNanos;
            this.answer = answer;
        }

        void await(Duration patience) {
            if (awaited) return;
            awaited = true;
            long left = Math.max(0, askedNanos + patience.toNanos() - System.nanoTime());
            try {
                Reasoning<A> came = answer.get(left, TimeUnit.NANOSECONDS);
                reasoning = came == null ? null : timed(came);
                arrival = reasoning == null ? askedAt : askedAt.plus(Duration.ofMillis(reasoning.call().latencyMillis()));
            } catch (ExecutionException | CancellationException broken) {
                // The reasoner failed the stage: the agent hears the failure at once and says so.
                failure = broken instanceof ExecutionException && broken.getCause() != null ? broken.getCause() : broken;
                arrival = askedAt;
                unanswered++;
            } catch (TimeoutException late) {
                arrival = null;
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                arrival = null;
            }
        }

        void hand() {
            if (failure != null) heard.completeExceptionally(failure);
            else heard.complete(reasoning);
        }
    }
}
