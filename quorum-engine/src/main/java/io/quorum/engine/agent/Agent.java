package io.quorum.engine.agent;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.agent.AgentActivity.Work;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Attribution;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.HoldBack;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.ProposalAnswer;
import io.quorum.engine.reasoning.QuestionFirst;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One member of the desk. An agent reads the desk through its {@link DeskView}, reacts to the
 * messages addressed to it, and speaks only by publishing on the bus. It is driven by one thread
 * at a time (its {@link AgentRunner}), so its private state needs no locks.
 *
 * <p>Every agent votes on every proposal it did not make, when the orchestrator asks it with a
 * {@link VoteRequest} (a proposal the orchestrator refuses to put to the vote gets none). It answers
 * when it is ready ({@link #deliberate}); {@link #judge} is the rule-based vote, a pure function of
 * the proposal and what the agent sees, so that it can be tested as a table.
 *
 * <p>When a language model speaks for the agent's role ({@link Reasoner#speaksFor}), the model
 * votes instead, on the facts the agent sees and the conversation it heard; the rules deliberate at
 * the same time, and their vote stands whenever the model's answer is late, invalid or missing,
 * with an UPDATE that says so and why. Before it votes, the model may ask another agent one
 * question; the agent says it, waits for the answer (at most half the time the vote request leaves,
 * so that the model has the other half to vote), and asks the model again with the answer, this
 * time for its vote. Each call is handed to the context's record
 * of calls (the desk journals it) before what it said is published. A question addressed to the
 * agent is answered the same way: by the model when one speaks for the role and it answers, else by
 * the rules ({@link #answerByRules}). A proposal the agent puts to the desk ({@link #putForward}, {@link #counter})
 * is worded by the model too, when one drafts for the role, with the rules' proposal as its hint and
 * its fallback.
 *
 * <p>While it works, the agent tells the context's activity listener what it is doing
 * ({@link AgentActivity}): it started on a vote or an answer, its model's answer so far, done, or
 * fell back to its rules.
 */
public abstract class Agent {
    private static final System.Logger LOG = System.getLogger("io.quorum.engine.agent");

    private final AgentRole role;
    protected final SessionId session;
    protected final Ticker ticker;
    protected final DeskView desk;
    /** How many of the latest messages heard go into a prompt as the conversation so far. */
    static final int CONVERSATION_HEARD = 12;
    /** How many of the ticker's latest headlines go into a prompt. */
    static final int HEADLINES_SEEN = 3;

    /** The agent's {@code desk}, which keeps what a vote saw of it. */
    private final SeeingDeskView seeing;
    private final MessageBus bus;
    private final Clock clock;
    private final Reasoner reasoner;
    private final AgentContext.CallRecord calls;
    private final AgentContext.ActivityListener activity;
    /** The latest messages heard, written on the agent's thread only. */
    private final Deque<String> heard = new ArrayDeque<>();
    /** How many counter-proposals being worded are remembered; one a round, and a round lasts seconds. */
    private static final int COUNTERS_REMEMBERED = 8;
    /**
     * The counter-proposals a model is still wording, by the proposal they answer: the agent's vote on
     * that proposal waits for its counter, so that the round is not decided before the counter is put
     * beside it. Written on the agent's thread only.
     */
    private final Map<ProposalId, CompletableFuture<Void>> countersBeingSaid = new LinkedHashMap<>(16, 0.75f) {
        @Override protected boolean removeEldestEntry(Map.Entry<ProposalId, CompletableFuture<Void>> eldest) { return size() > COUNTERS_REMEMBERED; }
    };

    /**
     * The answers this agent's model waits for before it votes, by the id of the question: put on the
     * reasoner's thread before the question is said, completed on the agent's when the answer is heard.
     */
    private final Map<UUID, AwaitedAnswer> awaitedAnswers = new ConcurrentHashMap<>();

    /** The memory ({@link #memoryFor}) that the agent countered the proposal it votes on. */
    private static final String COUNTERED = "countered";
    /** The last proposal this agent answered with a counter-proposal ({@link #counter}); written on the agent's thread only. */
    private ProposalId lastCountered;

    protected Agent(AgentRole role, AgentContext context) {
        this.role = role;
        this.session = context.session();
        this.ticker = context.ticker();
        this.seeing = new SeeingDeskView(context.desk(), context.ticker());
        this.desk = seeing;
        this.bus = context.bus();
        this.clock = context.clock();
        this.reasoner = context.reasoner();
        this.calls = context.calls();
        this.activity = context.activity();
    }

    public final AgentRole role() { return role; }

    /** The agent's steps of analysis, each a sentence published as REASONING while it works. */
    public abstract List<String> analyze();

    /** The agent's vote on a proposal made by another agent. */
    public abstract Judgement judge(Proposal proposal);

    /**
     * The agent's vote on a proposal, when it is ready. The default judges at once; an agent whose
     * reasoning is slow (an LLM) returns a stage that completes later, and its runner goes on with
     * other work meanwhile. There is no deadline here: the orchestrator alone enforces it, and a vote
     * that comes too late is simply not counted.
     */
    protected CompletionStage<Judgement> deliberate(Proposal proposal) {
        return CompletableFuture.completedFuture(judge(proposal));
    }

    /** Reacts to a message addressed to this agent. A {@link VoteRequest} that asks this agent is answered with a vote. */
    public final void onMessage(AgentMessage message) {
        hear(message);
        if (message.replyTo() != null) takeAnswer(message);
        switch (message.content()) {
            case VoteRequest request -> {
                if (request.asks(role)) castVote(message, request);
            }
            case Alert alert -> onAlert(message, alert);
            case Question question -> answer(message, question);
            case Update update -> onUpdate(message, update);
            case Decision decision -> onDecision(message, decision);
            case Proposal proposal -> onProposal(message, proposal);
            case Vote vote -> { }
        }
    }

    protected void onAlert(AgentMessage message, Alert alert) { }

    /**
     * The agent's own answer to a question addressed to it, an UPDATE that replies to it; null when
     * its rules have nothing to say to such a question, and then it stays unanswered. By default, what
     * its analysis sees now.
     */
    protected Update answerByRules(Question question) {
        return Update.of(Update.UpdateKind.OBSERVATION, ticker, "What I see: " + String.join(" ", analyze()));
    }

    protected void onUpdate(AgentMessage message, Update update) { }

    /**
     * What the agent remembers beyond the desk that its rules weigh in a vote on {@code proposal}, in
     * words its {@link #recall} reads back; null when nothing. Journaled with what the vote saw. By
     * default, whether the agent {@link #countered} the proposal.
     */
    protected String memoryFor(Proposal proposal) { return countered(proposal) ? COUNTERED : null; }

    /** Takes back {@code memory} ({@link #memoryFor}) before its rules judge {@code proposal} again, in a replay. */
    protected void recall(Proposal proposal, String memory) {
        if (COUNTERED.equals(memory)) lastCountered = proposal.id();
    }

    /** Whether this agent answered {@code proposal} with a counter-proposal, the last it countered; its vote on the proposal may say so. */
    protected final boolean countered(Proposal proposal) { return proposal.id().equals(lastCountered); }

    protected void onDecision(AgentMessage message, Decision decision) { }

    /** Another agent's proposal (or the agent's own) as it goes to the vote; an agent may answer it with a counter-proposal. */
    protected void onProposal(AgentMessage message, Proposal proposal) { }

    /**
     * Votes as soon as the deliberation is done: on this thread when it is done at once, so that a
     * failure (of the rules, or to publish) reaches the runner as today; otherwise on the thread that
     * completes it. A deliberation that completes with a failure is an ABSTAIN that says why.
     */
    private void castVote(AgentMessage requestMessage, VoteRequest request) {
        Proposal terms = request.terms();
        activity.onActivity(new AgentActivity.Started(session, role, Work.VOTE, request.proposalId().toString()));
        seeing.watch();
        CompletableFuture<Judgement> deliberation;
        try {
            deliberation = (reasoner.speaksFor(role) ? reasonWithModel(terms, requestMessage.responseTimeout().dividedBy(2)) : deliberate(terms)).toCompletableFuture();
        } finally {
            calls.seen(session, new JournalEvent.VoteSeen(request.proposalId(), role, clock.now(), seeing.seen(), memoryFor(terms)));
        }
        CompletableFuture<Void> counterSaid = countersBeingSaid.remove(request.proposalId());
        if (counterSaid != null) deliberation = deliberation.thenCombine(counterSaid, (judgement, said) -> judgement);
        if (deliberation.isDone()) {
            vote(requestMessage, request, outcomeOf(deliberation));
            return;
        }
        deliberation.whenComplete((judgement, failure) -> {
            try {
                vote(requestMessage, request, failure == null ? judgement : unableToJudge(failure));
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, role.displayName() + " could not vote on proposal " + request.proposalId(), refused);
            }
        });
    }

    /**
     * The model's vote, with the rules' deliberation as its fallback. Both start here, on the
     * agent's thread, which is the only one that reads the agent's state: what comes after (the
     * model's answer, the UPDATE, the record of the call) reads only values. A question the model
     * asks first waits at most {@code answerAwaited} for its answer.
     */
    private CompletionStage<Judgement> reasonWithModel(Proposal proposal, Duration answerAwaited) {
        CompletableFuture<Judgement> rules = deliberate(proposal).toCompletableFuture();
        String rulesVerdict = rules.isDone() && !rules.isCompletedExceptionally() ? rules.join().text() : null;
        List<AgentRole> others = AgentRole.VOTERS.stream().filter(other -> other != role).toList();
        Deliberation deliberation = new Deliberation(role, session, proposal, facts(), rulesVerdict, List.copyOf(heard), others, null);
        return settled(() -> reasoner.consider(deliberation, drafting(Work.VOTE)))
                .thenCompose(reasoning -> voteOrAskFirst(deliberation, reasoning, answerAwaited))
                .thenCombine(rules, (reasoning, ruled) -> settle(reasoning, ruled));
    }

    /** The model's vote as it came, or, when the model asked a question instead, its vote once the answer is in. Null: the reasoner broke. */
    private CompletionStage<Reasoning<VoteAnswer>> voteOrAskFirst(Deliberation deliberation, Reasoning<Consideration> reasoning, Duration answerAwaited) {
        if (reasoning instanceof Reasoning.Answered<Consideration> answered && answered.answer() instanceof QuestionFirst question) {
            return askFirst(deliberation, question, answered.call(), answerAwaited);
        }
        return CompletableFuture.completedFuture(reasoning == null ? null : reasoning.map(VoteAnswer.class::cast));
    }

    /**
     * Says the model's question to the agent it names, with the model's figures, and asks the model
     * for its vote once the answer is heard, or once {@code answerAwaited} has passed without one.
     * The question's call is recorded before the question is said. On the reasoner's thread: it reads
     * no state of the agent's but the map of awaited answers.
     */
    private CompletionStage<Reasoning<VoteAnswer>> askFirst(Deliberation deliberation, QuestionFirst asking, ReasonerCalled call, Duration answerAwaited) {
        calls.record(session, call);
        Question question = new Question(ticker, asking.question() + attribution(asking.confidence(), call), attributionOf(asking.confidence(), call));
        AgentMessage said = AgentMessage.draft(session, role, Recipients.of(asking.addressee()), question, clock.now()).expectingResponseWithin(answerAwaited);
        CompletableFuture<String> answer = new CompletableFuture<>();
        awaitedAnswers.put(said.id(), new AwaitedAnswer(asking.addressee(), answer));
        try {
            publish(said);
        } catch (RuntimeException refused) {
            awaitedAnswers.remove(said.id());
            throw refused;
        }
        return answer.completeOnTimeout(null, answerAwaited.toMillis(), TimeUnit.MILLISECONDS).thenCompose(heardBack -> {
            awaitedAnswers.remove(said.id());
            Deliberation.Exchange exchange = new Deliberation.Exchange(asking.addressee(), asking.question(), heardBack);
            return settled(() -> reasoner.reason(deliberation.answered(exchange), drafting(Work.VOTE)));
        });
    }

    /** The answer a model waits for, when {@code message} is it: a reply to its question from the agent it asked. */
    private void takeAnswer(AgentMessage message) {
        AwaitedAnswer awaited = awaitedAnswers.get(message.replyTo());
        if (awaited != null && awaited.from() == message.sender() && message.content() instanceof Update answer) awaited.answer().complete(answer.text());
    }

    /** A model's question waiting for {@code from}'s answer. */
    private record AwaitedAnswer(AgentRole from, CompletableFuture<String> answer) {}

    /** The reasoner's stage, with a reasoner that broke (threw, or failed the stage) as null. */
    private static <A> CompletableFuture<Reasoning<A>> settled(Supplier<CompletionStage<Reasoning<A>>> asking) {
        CompletableFuture<Reasoning<A>> answer;
        try {
            answer = asking.get().toCompletableFuture();
        } catch (RuntimeException broken) {
            answer = CompletableFuture.failedFuture(broken);
        }
        return answer.handle((reasoning, failure) -> failure == null ? reasoning : null);
    }

    /** The vote that stands: the model's when it answered, otherwise the rules', said as such. Null {@code reasoning}: the reasoner itself broke. */
    private Judgement settle(Reasoning<VoteAnswer> reasoning, Judgement ruled) {
        return settleWith(reasoning, Work.VOTE, "votes", answered -> fromModel(answered.answer(), answered.call()), ruled);
    }

    /**
     * What stands once the model has been asked: {@code taken} of its answer when it answered,
     * otherwise {@code ruled}, after an UPDATE that says the role {@code does} it by its rules and
     * why. The call is recorded first. Null {@code reasoning}: the reasoner itself broke.
     */
    private <A, T> T settleWith(Reasoning<A> reasoning, Work work, String does, Function<Reasoning.Answered<A>, T> taken, T ruled) {
        if (reasoning != null) calls.record(session, reasoning.call());
        return switch (reasoning) {
            case Reasoning.Answered<A> answered -> taken.apply(answered);
            case Reasoning.FellBack<A> fellBack -> fallBack(work, fellBack.call().outcome(), does, fellBack.why(), ruled);
            case null -> fallBack(work, null, does, "the model's reasoner failed", ruled);
        };
    }

    /** Tells the activity listener the model's answer so far. */
    private AnswerDraft drafting(Work work) {
        return soFar -> activity.onActivity(AgentActivity.Drafting.of(session, role, work, soFar));
    }

    /**
     * Says that the role {@code does} ("votes", "answers", "proposes") by its rules, and why; returns
     * what the rules said. The activity listener hears that {@code work} fell back ({@code outcome}
     * null when the reasoner itself broke); null {@code work}: work the listener does not follow.
     */
    private <T> T fallBack(Work work, ReasonerCalled.Outcome outcome, String does, String why, T ruled) {
        if (work != null) activity.onActivity(new AgentActivity.FellBack(session, role, work, outcome, why));
        say(Recipients.all(), Update.of(Update.UpdateKind.REASONING, ticker, role.displayName() + " " + does + " by its rules: " + why + "."));
        return ruled;
    }

    /** The model's vote, its reason followed by who said it and at what cost, as the conversation shows it. */
    private static Judgement fromModel(VoteAnswer answer, ReasonerCalled call) {
        return new Judgement(answer.choice(), answer.reason() + attribution(answer.confidence(), call), answer.modification(),
                attributionOf(answer.confidence(), call));
    }

    /** The model's figures, carried on the message beside its words. */
    private static Attribution attributionOf(BigDecimal confidence, ReasonerCalled call) {
        return new Attribution(call.model(), call.modelVersion(), confidence, call.tokensIn(), call.tokensOut(), call.cost(), call.cached());
    }

    /**
     * " (model, confidence 0.7, 850 tokens, $0.0003)": who said it, how sure, and at what cost, for
     * readers of the text alone (the log, {@code quorum decisions}, the CSV export, the other agents'
     * prompts). The web page shows the message's {@link Attribution} instead and leaves out exactly
     * this form ({@code quorum-web/src/state/attribution.ts}): change the two together.
     */
    private static String attribution(BigDecimal confidence, ReasonerCalled call) {
        String cost = call.cached() ? "cached" : call.tokens() + " tokens, $" + call.cost().stripTrailingZeros().toPlainString();
        return " (" + call.model() + ", confidence " + confidence.stripTrailingZeros().toPlainString() + ", " + cost + ")";
    }

    /**
     * Puts a proposal to the desk: as the model words it when one drafts for the role (on the
     * reasoner's thread, with {@code ruled} as its hint), else {@code ruled} at once. The model's
     * proposal keeps the rules' id; when the model has none the desk can take, an UPDATE says why and
     * {@code ruled} goes forward. The model may also hold the proposal back: an UPDATE says why, and
     * nothing goes to the vote.
     */
    protected final void putForward(Proposal ruled) { offer(ruled, null); }

    /**
     * Answers {@code original}'s proposal with other terms, in reply to it, so that the orchestrator
     * puts the two to the vote side by side. Worded by the model as {@link #putForward} is; the
     * agent's vote on the original waits until its counter is said.
     */
    protected final void counter(AgentMessage original, Proposal ruled) {
        if (!(original.content() instanceof Proposal answered)) throw new IllegalArgumentException("only a proposal is countered, not a " + original.type());
        lastCountered = answered.id();
        CompletableFuture<Void> said = offer(ruled, original);
        if (!said.isDone()) countersBeingSaid.put(answered.id(), said);
    }

    private CompletableFuture<Void> offer(Proposal ruled, AgentMessage answering) {
        if (!reasoner.draftsFor(role)) {
            sayProposal(ruled, answering);
            return CompletableFuture.completedFuture(null);
        }
        String answers = answering == null ? null : answering.sender().displayName() + " " + answering.type() + ": " + answering.content().text();
        Drafting drafting = new Drafting(role, session, ruled, answers, desk.exposure(ticker).quantity(), facts(), List.copyOf(heard));
        return settled(() -> reasoner.draft(drafting)).thenAccept(reasoning -> {
            try {
                Proposal settled = settleDraft(reasoning, drafting);
                if (settled != null) sayProposal(settled, answering);
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, role.displayName() + " could not put proposal " + ruled.id() + " to the desk", refused);
            }
        });
    }

    /**
     * The proposal that goes forward: the model's when it answered with one that fits the desk,
     * otherwise the rules', said as such; null when the model held back a proposal its role opens,
     * after an UPDATE that says why.
     */
    private Proposal settleDraft(Reasoning<DraftingAnswer> reasoning, Drafting drafting) {
        return settleWith(reasoning, null, "proposes", answered -> switch (answered.answer()) {
            case ProposalAnswer answer -> {
                Optional<String> misfit = answer.misfit(drafting);
                yield misfit.isPresent() ? fallBack(null, ReasonerCalled.Outcome.INVALID_ANSWER, "proposes", "the model's proposal does not fit the desk (" + misfit.get() + ")", drafting.ruled())
                        : answer.proposal(drafting, attribution(answer.confidence(), answered.call()));
            }
            case HoldBack held when drafting.isCounter() ->
                    fallBack(null, ReasonerCalled.Outcome.INVALID_ANSWER, "proposes", "the model held back a counter-proposal; only a proposal the role opens itself may be held back", drafting.ruled());
            case HoldBack held -> {
                say(Recipients.all(), Update.of(Update.UpdateKind.REASONING, ticker, role.displayName() + " holds back the proposal its rules would make ("
                        + drafting.ruled().text() + "): " + held.reason() + attribution(held.confidence(), answered.call()))
                        .attributedTo(attributionOf(held.confidence(), answered.call())));
                yield null;
            }
        }, drafting.ruled());
    }

    /**
     * How the user's reason for rejecting {@code card} reads: {@code byWords} when its words name a
     * concern or no model reads for the role; otherwise the concern the model reads in it (on the
     * reasoner's thread), or {@code byWords} after an UPDATE that says why the model could not.
     */
    protected final CompletionStage<UserConcern.Match> readRejection(Proposal card, String reason, UserConcern.Match byWords) {
        if (byWords.namesAConcern() || !reasoner.readsFor(role)) return CompletableFuture.completedFuture(byWords);
        Rejection rejection = new Rejection(role, session, card, reason, UserConcern.phrases(), facts(), List.copyOf(heard));
        return settled(() -> reasoner.readConcern(rejection)).thenApply(reasoning -> settleWith(reasoning, null, "reads the reason", answered -> {
            ConcernAnswer answer = answered.answer();
            Optional<UserConcern> concern = UserConcern.ofPhrase(answer.concern());
            if (concern.isEmpty()) return fallBack(null, ReasonerCalled.Outcome.INVALID_ANSWER, "reads the reason", "the model named no concern a revision answers (\"" + answer.concern() + "\")", byWords);
            return UserConcern.Match.byModel(concern.get(), answer.reading() + attribution(answer.confidence(), answered.call()));
        }, byWords));
    }

    private void sayProposal(Proposal proposal, AgentMessage answering) {
        AgentMessage draft = AgentMessage.draft(session, role, Recipients.all(), proposal, clock.now());
        publish(answering == null ? draft : draft.inReplyTo(answering.id()));
    }

    /**
     * Answers a question addressed to this agent, in reply to it: by the rules at once, or, when a
     * model answers questions for the role, by the model when it answers (on the reasoner's thread),
     * with the rules' answer as its fallback and as a hint in its prompt.
     */
    private void answer(AgentMessage message, Question question) {
        Update ruled = answerByRules(question);
        if (ruled == null) return;
        activity.onActivity(new AgentActivity.Started(session, role, Work.ANSWER, message.id().toString()));
        if (!reasoner.answersFor(role)) {
            reply(message, ruled);
            return;
        }
        Inquiry inquiry = new Inquiry(role, session, message.id(), message.sender(), question.text(), facts(), ruled.text(), List.copyOf(heard));
        settled(() -> reasoner.answer(inquiry, drafting(Work.ANSWER))).thenAccept(reasoning -> {
            try {
                reply(message, settleReply(reasoning, ruled));
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, role.displayName() + " could not answer the question " + message.id(), refused);
            }
        });
    }

    /** The answer that stands: the model's when it answered, said as the rules' kind of update; otherwise the rules', said as such. */
    private Update settleReply(Reasoning<Reply> reasoning, Update ruled) {
        return settleWith(reasoning, Work.ANSWER, "answers", answered ->
                Update.of(ruled.kind(), ticker, answered.answer().text() + attribution(answered.answer().confidence(), answered.call()))
                        .attributedTo(attributionOf(answered.answer().confidence(), answered.call())), ruled);
    }

    private void reply(AgentMessage question, Update answer) {
        publish(AgentMessage.draft(session, role, Recipients.all(), answer, clock.now()).inReplyTo(question.id()));
        activity.onActivity(new AgentActivity.Done(session, role, Work.ANSWER));
    }

    /** What the agent sees, as sentences for a prompt: its own analysis, the desk's exposure and limits, the latest headlines. */
    private List<String> facts() {
        List<String> facts = new ArrayList<>(analyze());
        DeskView.Exposure exposure = desk.exposure(ticker);
        facts.add("Desk: equity $" + exposure.equity() + "; " + ticker + " held " + exposure.quantity() + " shares (" + exposure.tickerPct()
                + "% of equity); gross exposure " + exposure.grossPct() + "%; today's P&L " + exposure.dailyPnlPct() + "%.");
        facts.add("Limits: " + desk.config().maxPositionPct() + "% per position, " + desk.config().maxDailyLossPct() + "% daily loss; market "
                + (desk.marketOpen() ? "open" : "closed") + ".");
        for (NewsItem item : desk.recentNews(ticker, HEADLINES_SEEN)) facts.add("Headline: \"" + item.headline() + "\" (" + item.source() + ")");
        return facts;
    }

    private void hear(AgentMessage message) {
        if (message.content() instanceof VoteRequest) return;
        if (heard.size() == CONVERSATION_HEARD) heard.removeFirst();
        heard.addLast(message.sender().displayName() + " " + message.type() + ": " + message.content().text());
    }

    private static Judgement outcomeOf(CompletableFuture<Judgement> done) {
        try {
            return done.join();
        } catch (CompletionException | CancellationException failure) {
            return unableToJudge(failure);
        }
    }

    private static Judgement unableToJudge(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return Judgement.abstain("could not judge the proposal: " + cause.getMessage());
    }

    private void vote(AgentMessage requestMessage, VoteRequest request, Judgement judgement) {
        Vote vote = new Vote(request.proposalId(), judgement.choice(), judgement.reason(), judgement.modification(), judgement.text(), judgement.attribution());
        publish(AgentMessage.draft(session, role, Recipients.of(AgentRole.ORCHESTRATOR), vote, clock.now()).inReplyTo(requestMessage.id()));
        activity.onActivity(new AgentActivity.Done(session, role, Work.VOTE));
    }

    protected final AgentMessage say(Recipients to, Payload payload) {
        return publish(AgentMessage.draft(session, role, to, payload, clock.now()));
    }

    protected final AgentMessage publish(AgentMessage draft) { return bus.publish(draft); }

    protected final Clock clock() { return clock; }

    /** What an agent makes of a proposal: its vote, the reason, for Risk possibly new terms, and the model that reasoned it when one did. */
    public record Judgement(VoteChoice choice, String reason, Modification modification, Attribution attribution) {
        /** A judgement by the rules. */
        public Judgement(VoteChoice choice, String reason, Modification modification) { this(choice, reason, modification, null); }

        public static Judgement approve(String reason) { return new Judgement(VoteChoice.APPROVE, reason, null); }

        public static Judgement reject(String reason) { return new Judgement(VoteChoice.REJECT, reason, null); }

        public static Judgement abstain(String reason) { return new Judgement(VoteChoice.ABSTAIN, reason, null); }

        public static Judgement veto(String reason) { return new Judgement(VoteChoice.VETO, reason, null); }

        public static Judgement approveWith(Modification modification, String reason) {
            return new Judgement(VoteChoice.APPROVE, reason, modification);
        }

        /**
         * A veto that says what would pass instead. The veto ends its motion, so the terms are never
         * applied to it; Risk puts them to the vote as a counter-proposal of their own.
         */
        public static Judgement vetoWith(Modification modification, String reason) {
            return new Judgement(VoteChoice.VETO, reason, modification);
        }

        /** "APPROVE — P/E still reasonable" as it reads in the conversation. */
        public String text() {
            String head = modification == null ? choice.name() : choice.name() + " with modification";
            return head + " — " + reason;
        }
    }
}
