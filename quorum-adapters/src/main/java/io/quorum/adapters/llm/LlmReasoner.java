package io.quorum.adapters.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A language model that votes for the roles it has a model for, behind the desk's protections, in
 * this order: an answer already given to the same prompt comes from the {@link AnswerCache}; a call
 * starts only while the {@link TokenBudget} has room and the provider's circuit breaker is closed;
 * the call runs on a virtual thread of its own and is given up after the configured timeout
 * (resilience4j's time limiter), which is shorter than the vote's deadline; the answer must pass the
 * {@link VoteSchema} ({@link ReplySchema} for an answer to another agent's question,
 * {@link ProposalSchema} for a proposal). Whatever
 * stops it is a {@link Reasoning.FellBack}: the role votes, or answers, by its rules.
 *
 * <p>The breaker counts failures of the provider (HTTP errors, refused connections, timeouts); an
 * answer that is nonsense, or a refusal, is the model's doing, not the server's, and counts as a success.
 */
public final class LlmReasoner implements Reasoner, AutoCloseable {
    /** The model's raw answer is journaled up to this length: enough for any valid vote, and a bound on a runaway one. */
    static final int LONGEST_RAW = 8_000;

    private final LlmSettings settings;
    private final ChatEndpoint endpoint;
    private final PromptBook prompts = new PromptBook();
    private final AnswerCache<VoteAnswer> votes = new AnswerCache<>();
    private final AnswerCache<Consideration> considerations = new AnswerCache<>();
    private final AnswerCache<Reply> replies = new AnswerCache<>();
    private final AnswerCache<DraftingAnswer> drafts = new AnswerCache<>();
    private final AnswerCache<ConcernAnswer> readings = new AnswerCache<>();
    private final TokenBudget budget;
    private final CircuitBreaker breaker;
    private final TimeLimiter limiter;
    private final ExecutorService callers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llm-call-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("llm-timer").factory());

    public LlmReasoner(LlmSettings settings, ChatEndpoint endpoint, Clock clock) {
        if (settings.provider() == LlmProvider.NONE) throw new IllegalArgumentException("provider: none has no model to reason with");
        this.settings = settings;
        this.endpoint = endpoint;
        this.budget = new TokenBudget(settings.budget(), clock);
        LlmSettings.Breaker b = settings.breaker();
        this.breaker = CircuitBreaker.of(settings.provider().configName(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRatePct())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(AnswerNotRecorded.class)
                .build());
        this.limiter = TimeLimiter.of(settings.provider().configName(), TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
    }

    @Override public boolean speaksFor(AgentRole role) { return settings.modelFor(role).isPresent(); }

    /** True once today's budget is spent: every role votes by its rules until the day turns. */
    @Override public boolean budgetSpentToday() { return budget.spentToday(); }

    /** Today's spending against the day's budget, in total and by model. */
    public TokenBudget.Today budgetToday() { return budget.today(); }

    /** The provider, as the configuration names it ({@code openai-compatible}). */
    public String provider() { return settings.provider().configName(); }

    /** The model of each role that has one. */
    public Map<AgentRole, String> models() { return settings.models(); }

    /** The provider's circuit: CLOSED when calls go through, OPEN while it is given a rest, HALF_OPEN while one trial call decides. */
    public CircuitBreaker.State circuit() { return breaker.getState(); }

    @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) { return reason(deliberation, AnswerDraft.IGNORED); }

    @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation, AnswerDraft draft) {
        return askAbout(deliberation.role(), deliberation.proposal().id(), null, model -> prompts.promptFor(deliberation, model), votes,
                text -> VoteSchema.read(text, deliberation.role()), draft);
    }

    /** The model's vote, or the question it asks first where {@link Deliberation#mayAsk} lets it; the same prompt as a vote's, and counted against the same decision. */
    @Override public CompletionStage<Reasoning<Consideration>> consider(Deliberation deliberation, AnswerDraft draft) {
        return askAbout(deliberation.role(), deliberation.proposal().id(), null, model -> prompts.promptFor(deliberation, model), considerations,
                text -> VoteSchema.consider(text, deliberation.role(), deliberation.mayAsk()), draft);
    }

    /** A role with a model answers questions with it too. */
    @Override public boolean answersFor(AgentRole role) { return speaksFor(role); }

    @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry) { return answer(inquiry, AnswerDraft.IGNORED); }

    @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry, AnswerDraft draft) {
        return askAbout(inquiry.role(), null, inquiry.questionId(), model -> prompts.promptFor(inquiry, model), replies, ReplySchema::read, draft);
    }

    /** A role with a model words its proposals with it too. */
    @Override public boolean draftsFor(AgentRole role) { return speaksFor(role); }

    /** The model's proposal, counted against the budget of the decision it opens (the rules' proposal id, which it keeps). */
    @Override public CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) {
        return askAbout(drafting.role(), drafting.ruled().id(), null, model -> prompts.promptFor(drafting, model), drafts,
                text -> ProposalSchema.read(text, drafting), AnswerDraft.IGNORED);
    }

    /** A role with a model reads with it the user's reasons that name no concern. */
    @Override public boolean readsFor(AgentRole role) { return speaksFor(role); }

    /** The concern the model reads in the user's reason, counted against the budget of the card the user rejected. */
    @Override public CompletionStage<Reasoning<ConcernAnswer>> readConcern(Rejection rejection) {
        return askAbout(rejection.role(), rejection.card().id(), null, model -> prompts.promptFor(rejection, model), readings,
                text -> ConcernSchema.read(text, rejection), AnswerDraft.IGNORED);
    }

    /**
     * Asks {@code role}'s model the prompt {@code prompt} makes for it, about a proposal or a question
     * (one of the two ids), behind the protections; a role without a model is a caller's mistake.
     */
    private <A> CompletionStage<Reasoning<A>> askAbout(AgentRole role, ProposalId proposalId, UUID questionId, Function<String, Prompt> prompt,
                                                       AnswerCache<A> cache, Function<String, SchemaReading<A>> schema, AnswerDraft draft) {
        Optional<String> configured = settings.modelFor(role);
        if (configured.isEmpty()) return CompletableFuture.failedFuture(new IllegalArgumentException("no model speaks for " + role));
        return ask(new Call(role, proposalId, questionId, prompt.apply(configured.get())), cache, schema, draft);
    }

    /**
     * The protections in order (cache, budget, breaker, time limit, schema), the same for every kind
     * of call. {@code draft} hears the answer while it is generated, and nothing once the call is
     * settled: a call given up keeps streaming until its own timeout, into nobody's view.
     */
    private <A> CompletionStage<Reasoning<A>> ask(Call call, AnswerCache<A> cache, Function<String, SchemaReading<A>> schema, AnswerDraft draft) {
        Prompt prompt = call.prompt;
        Optional<AnswerCache.Kept<A>> kept = cache.find(prompt.hash());
        if (kept.isPresent()) {
            return CompletableFuture.completedFuture(new Reasoning.Answered<>(kept.get().answer(), call.cached(kept.get().raw(), kept.get().modelVersion())));
        }
        String spent = budget.refusal(call.subject(), call.proposalId != null ? "decision" : "question");
        if (spent != null) return CompletableFuture.completedFuture(call.notMade(Outcome.BUDGET_SPENT, spent));
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.completedFuture(call.notMade(Outcome.CIRCUIT_OPEN, settings.provider().configName() + " failed too often; retrying in " + show(settings.breaker().openFor())));
        }
        long started = System.nanoTime();
        AtomicBoolean settled = new AtomicBoolean();
        AnswerDraft untilSettled = soFar -> {
            if (!settled.get()) draft.soFar(soFar);
        };
        return limiter.executeCompletionStage(timer, () -> CompletableFuture.supplyAsync(() -> endpoint.ask(prompt, settings.maxAnswerTokens(), untilSettled), callers))
                .handle((reply, failure) -> {
                    settled.set(true);
                    long took = System.nanoTime() - started;
                    if (failure != null) return this.<A>failed(call, unwrapped(failure), took);
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    return answered(call, reply, took, cache, schema);
                });
    }

    private <A> Reasoning<A> failed(Call call, Throwable failure, long tookNanos) {
        if (failure instanceof ContentFilteredException) {
            // The model declined (OpenAI's message.refusal): an answer, so the provider is well.
            breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
            return call.failed(Outcome.REFUSED, "", tookNanos);
        }
        breaker.onError(tookNanos, TimeUnit.NANOSECONDS, failure);
        boolean late = failure instanceof TimeoutException || failure instanceof dev.langchain4j.exception.TimeoutException;
        if (late) return call.failed(Outcome.TIMED_OUT, "no answer within " + show(settings.timeout()), tookNanos);
        return call.failed(Outcome.UNAVAILABLE, describe(failure), tookNanos);
    }

    private <A> Reasoning<A> answered(Call call, ModelReply reply, long tookNanos, AnswerCache<A> cache, Function<String, SchemaReading<A>> schema) {
        BigDecimal cost = settings.priceOf(call.prompt.model()).cost(reply.tokensIn(), reply.tokensOut());
        budget.spend(call.subject(), call.prompt.model(), reply.tokensIn() + reply.tokensOut(), cost);
        if (reply.refused()) return new Reasoning.FellBack<>("", call.returned(Outcome.REFUSED, reply, cost, tookNanos));
        return switch (schema.apply(reply.text())) {
            case SchemaReading.Invalid<A> invalid -> new Reasoning.FellBack<>(invalid.problem(), call.returned(Outcome.INVALID_ANSWER, reply, cost, tookNanos));
            case SchemaReading.Valid<A> valid -> {
                ReasonerCalled record = call.returned(Outcome.ANSWERED, reply, cost, tookNanos);
                cache.keep(call.prompt.hash(), new AnswerCache.Kept<>(valid.answer(), record.raw(), record.modelVersion()));
                yield new Reasoning.Answered<>(valid.answer(), record);
            }
        };
    }

    /** A failure in words, never with the server's message: an error body may quote the key it refused. */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) return "HTTP " + http.statusCode() + " from the server";
            if (cause instanceof ConnectException) return "no server answers at the base URL (connection refused)";
            if (cause instanceof UnknownHostException) return "the base URL's host is not known";
            if (cause instanceof AnswerNotRecorded notRecorded) return notRecorded.getMessage();
        }
        return switch (failure) {
            case AuthenticationException refused -> "HTTP 401: the server refused the key";
            case RateLimitException limited -> "HTTP 429: the server limits the rate of calls";
            case InternalServerException broken -> "HTTP 5xx: the server failed";
            default -> failure.getClass().getSimpleName();
        };
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String show(Duration duration) {
        return duration.toMillis() % 1_000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    @Override public void close() {
        timer.shutdownNow();
        callers.shutdownNow();
    }

    /** One call's facts, for its journal record whatever comes of it: about a proposal's vote or about a question (one of the two ids). */
    private final class Call {
        final AgentRole role;
        final ProposalId proposalId;
        final UUID questionId;
        final Prompt prompt;

        Call(AgentRole role, ProposalId proposalId, UUID questionId, Prompt prompt) {
            this.role = role;
            this.proposalId = proposalId;
            this.questionId = questionId;
            this.prompt = prompt;
        }

        /** What the budget counts the call against. */
        UUID subject() { return proposalId != null ? proposalId.value() : questionId; }

        <A> Reasoning.FellBack<A> notMade(Outcome outcome, String detail) { return new Reasoning.FellBack<>(detail, record(outcome, "", 0, 0, 0, BigDecimal.ZERO, false, "")); }

        <A> Reasoning.FellBack<A> failed(Outcome outcome, String detail, long tookNanos) {
            return new Reasoning.FellBack<>(detail, record(outcome, "", 0, 0, tookNanos, BigDecimal.ZERO, false, ""));
        }

        ReasonerCalled cached(String raw, String modelVersion) { return record(Outcome.ANSWERED, modelVersion, 0, 0, 0, BigDecimal.ZERO, true, raw); }

        ReasonerCalled returned(Outcome outcome, ModelReply reply, BigDecimal cost, long tookNanos) {
            String raw = reply.text() == null ? "" : reply.text().length() > LONGEST_RAW ? reply.text().substring(0, LONGEST_RAW) : reply.text();
            return record(outcome, reply.modelVersion(), reply.tokensIn(), reply.tokensOut(), tookNanos, cost, false, raw);
        }

        private ReasonerCalled record(Outcome outcome, String modelVersion, long in, long out, long tookNanos, BigDecimal cost, boolean cached, String raw) {
            return new ReasonerCalled(proposalId, role, settings.provider().configName(), prompt.model(), modelVersion,
                    prompt.version(), prompt.hash(), in, out, TimeUnit.NANOSECONDS.toMillis(tookNanos), cost, outcome, cached, raw, questionId);
        }
    }
}
